package org.polaris.salesforce.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiLimitsTest {

    @Test
    void readsApiUsageFromTheHeader() {
        ApiLimits limits = new ApiLimits();
        assertThat(limits.text()).isEqualTo("unknown");
        limits.observe("api-usage=18/15000");
        assertThat(limits.used()).hasValue(18);
        assertThat(limits.max()).hasValue(15000);
        limits.observe("per-app-api-usage=2/250(appName=Polaris), api-usage=19/15000");
        assertThat(limits.text()).isEqualTo("api-usage=19/15000");
    }
}
