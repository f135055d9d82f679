package org.polaris.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Reads a record written under an older schema that Avro's own resolution cannot map to the current
 * one. The one such change this project allows: an enum field that became a string (the run kind,
 * once a closed enum, is now an open set of registered kinds), read as the enum's symbol. Everything
 * else resolves as Avro resolves it: fields matched by name (or alias), missing ones take their
 * default, int and long widen.
 *
 * <p>The old record is decoded with its own schema, then converted; slower than Avro's resolving
 * decoder, and only used for records written before such a change.
 */
final class Upgrade {

    private Upgrade() {
    }

    /** Whether {@code reader} can read every record written with {@code writer}, with or without an upgrade. */
    static boolean possible(Schema writer, Schema reader) {
        if (SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return true;
        }
        return switch (reader.getType()) {
            case STRING -> writer.getType() == Schema.Type.ENUM || writer.getType() == Schema.Type.STRING;
            case RECORD -> writer.getType() == Schema.Type.RECORD && reader.getFields().stream().allMatch(f -> {
                Schema.Field w = fieldOf(writer, f);
                return w == null ? f.hasDefaultValue() : possible(w.schema(), f.schema());
            });
            case UNION -> writer.getType() == Schema.Type.UNION
                    ? writer.getTypes().stream().allMatch(w -> branch(w, reader) != null)
                    : branch(writer, reader) != null;
            case ARRAY -> writer.getType() == Schema.Type.ARRAY && possible(writer.getElementType(), reader.getElementType());
            case MAP -> writer.getType() == Schema.Type.MAP && possible(writer.getValueType(), reader.getValueType());
            default -> false;
        };
    }

    /** The old value, converted to the reader schema (records become the current generated classes). */
    static Object convert(Object value, Schema writer, Schema reader, SpecificData model) {
        if (writer.getType() == Schema.Type.UNION) {
            int index = GenericData.get().resolveUnion(writer, value);
            return convert(value, writer.getTypes().get(index), reader, model);
        }
        switch (reader.getType()) {
            case UNION -> {
                return convert(value, writer, branch(writer, reader), model);
            }
            case RECORD -> {
                GenericRecord old = (GenericRecord) value;
                Object fresh = model.newRecord(null, reader);
                for (Schema.Field f : reader.getFields()) {
                    Schema.Field w = fieldOf(writer, f);
                    Object v = w == null ? model.getDefaultValue(f) : convert(old.get(w.pos()), w.schema(), f.schema(), model);
                    model.setField(fresh, f.name(), f.pos(), v);
                }
                return fresh;
            }
            case ENUM -> {
                String symbol = value.toString();
                return model.createEnum(reader.getEnumSymbols().contains(symbol) ? symbol : reader.getEnumDefault(), reader);
            }
            case STRING -> {
                return value == null ? null : value.toString();
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    out.add(convert(element, writer.getElementType(), reader.getElementType(), model));
                }
                return out;
            }
            case MAP -> {
                Map<String, Object> out = new HashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(),
                        convert(v, writer.getValueType(), reader.getValueType(), model)));
                return out;
            }
            case LONG -> {
                return ((Number) value).longValue();
            }
            case FLOAT -> {
                return ((Number) value).floatValue();
            }
            case DOUBLE -> {
                return ((Number) value).doubleValue();
            }
            default -> {
                return value;
            }
        }
    }

    private static Schema.Field fieldOf(Schema writer, Schema.Field readerField) {
        Schema.Field w = writer.getField(readerField.name());
        if (w == null) {
            for (String alias : readerField.aliases()) {
                w = writer.getField(alias);
                if (w != null) {
                    break;
                }
            }
        }
        return w;
    }

    /** The reader union's branch a writer (non-union) value goes to, or null. */
    private static Schema branch(Schema writer, Schema readerUnion) {
        for (Schema candidate : readerUnion.getTypes()) {
            boolean sameType = candidate.getType() == writer.getType();
            boolean named = sameType && (writer.getType() == Schema.Type.RECORD || writer.getType() == Schema.Type.ENUM
                    || writer.getType() == Schema.Type.FIXED);
            if (named ? candidate.getFullName().equals(writer.getFullName()) : sameType) {
                return candidate;
            }
        }
        for (Schema candidate : readerUnion.getTypes()) {
            if (candidate.getType() != Schema.Type.UNION && possible(writer, candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
