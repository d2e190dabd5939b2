package com.ticketplatform.common.json;

import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** Writes the integer ids of every bean and record as JSON strings ({@link PublicIds}). */
public class PublicIdsModule extends SimpleModule {

  public PublicIdsModule() {
    super("ticket-public-ids");
    setSerializerModifier(new ValueSerializerModifier() {
      @Override
      public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
          BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
        for (BeanPropertyWriter property : properties) {
          // a property with a serializer of its own (@JsonSerialize) keeps it
          if (PublicIds.isIdName(property.getName()) && !property.hasSerializer()) {
            JavaType type = property.getType();
            if (isInteger(type)) {
              property.assignSerializer(ToStringSerializer.instance);
            } else if ((type.isCollectionLikeType() || type.isArrayType()) && isInteger(type.getContentType())) {
              property.assignSerializer(new IntegersAsStrings());
            }
          }
        }
        return properties;
      }
    });
  }

  private static boolean isInteger(JavaType type) {
    if (type == null) {
      return false;
    }
    Class<?> raw = type.getRawClass();
    return raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class;
  }

  /** A collection or array of integer ids as an array of strings. */
  static final class IntegersAsStrings extends StdSerializer<Object> {

    IntegersAsStrings() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
      gen.writeStartArray();
      Iterable<?> items = value instanceof Iterable<?> iterable ? iterable : asList(value);
      for (Object item : items) {
        if (item == null) {
          gen.writeNull();
        } else {
          gen.writeString(item.toString());
        }
      }
      gen.writeEndArray();
    }

    private static List<?> asList(Object array) {
      if (array instanceof long[] longs) {
        return Arrays.stream(longs).boxed().toList();
      }
      if (array instanceof int[] ints) {
        return Arrays.stream(ints).boxed().toList();
      }
      return Arrays.asList((Object[]) array);
    }
  }
}
