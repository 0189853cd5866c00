using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Portal.Core.Recipes;

/// <summary>
/// Reads a step's JSON into its body record with System.Text.Json, strictly: member names are
/// camelCase and exact, unknown members are refused, constructor parameters without a default
/// are required, <c>null</c> only where the record says <c>?</c>, a non-nullable
/// <see cref="string"/> (and every string in a list) must not be blank, enums are read from
/// their names. The JSON is walked against the record's contract first, so every error of a
/// step is reported with its path, not only the serializer's first.
/// </summary>
internal static class RecipeBodyReader
{
    /// <summary>The step's own <c>"name"</c>, which the body records do not declare.</summary>
    private const string StepNameMember = "name";

    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static TBody? Read<TBody>(RecipeValidationContext context) where TBody : class
    {
        var errors = context.Errors.Count;
        Check(context, context.Step, typeof(TBody), "", isStep: true);
        if (context.Errors.Count > errors)
        {
            return null;
        }

        try
        {
            return Deserialize<TBody>(context.Step);
        }
        catch (JsonException ex)
        {
            // The walk above accepts only what the serializer reads; this is a safety net.
            var path = ex.Path is { Length: > 1 } p ? p[2..] : "";
            context.Error(path, $"invalid value: {ex.Message}", "giá trị không hợp lệ");
            return null;
        }
    }

    /// <summary>
    /// Reads one member of a step whose type the step only knows at run time (a settings
    /// section, say) with the same strict rules; errors are reported at <paramref name="path"/>.
    /// </summary>
    public static object? ReadValue(RecipeValidationContext context, JsonElement value, Type type, string path)
    {
        var errors = context.Errors.Count;
        Check(context, value, type, path);
        if (context.Errors.Count > errors)
        {
            return null;
        }

        try
        {
            return value.Deserialize(type, Options);
        }
        catch (JsonException ex)
        {
            context.Error(path, $"invalid value: {ex.Message}", "giá trị không hợp lệ");
            return null;
        }
    }

    public static TBody Deserialize<TBody>(JsonElement step) where TBody : class
    {
        var body = JsonObject.Create(step) ?? throw new JsonException("A recipe step must be a JSON object.");
        body.Remove(StepNameMember);
        return body.Deserialize<TBody>(Options) ?? throw new JsonException("A recipe step must be a JSON object.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void Check(RecipeValidationContext context, JsonElement value, Type type, string path, bool isStep = false, bool allowBlank = false)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement) || type == typeof(JsonNode))
        {
            return;
        }

        if (type == typeof(JsonObject))
        {
            Expect(context, value, path, JsonValueKind.Object);
            return;
        }

        if (type == typeof(string))
        {
            if (Expect(context, value, path, JsonValueKind.String) && !allowBlank && string.IsNullOrWhiteSpace(value.GetString()))
            {
                context.Error(path, "must not be empty", "không được để trống");
            }

            return;
        }

        if (type == typeof(bool))
        {
            Expect(context, value, path, JsonValueKind.True, JsonValueKind.False);
            return;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            if (Expect(context, value, path, JsonValueKind.Number) && !value.TryGetInt64(out _))
            {
                context.Error(path, "must be a whole number", "phải là một số nguyên");
            }

            return;
        }

        if (type == typeof(double) || type == typeof(decimal))
        {
            Expect(context, value, path, JsonValueKind.Number);
            return;
        }

        if (type == typeof(TimeSpan))
        {
            if (Expect(context, value, path, JsonValueKind.String) && !TimeSpan.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                context.Error(path, "must be a duration such as \"00:30:00\"", "phải là một khoảng thời gian dạng \"giờ:phút:giây\", ví dụ \"00:30:00\"");
            }

            return;
        }

        if (type.IsEnum)
        {
            CheckEnum(context, value, type, path);
            return;
        }

        var contract = Options.GetTypeInfo(type);
        switch (contract.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(context, value, contract, path, isStep);
                break;
            case JsonTypeInfoKind.Enumerable when Expect(context, value, path, JsonValueKind.Array):
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        context.Error(itemPath, "must not be null", "không được là null");
                    }
                    else
                    {
                        Check(context, item, contract.ElementType!, itemPath);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                break;
            default:
                throw new NotSupportedException($"Recipe bodies cannot hold a {type.Name}.");
        }
    }

    private static void CheckObject(RecipeValidationContext context, JsonElement value, JsonTypeInfo contract, string path, bool isStep)
    {
        if (!Expect(context, value, path, JsonValueKind.Object))
        {
            return;
        }

        var members = contract.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var memberPath = Member(path, property.Name);
            if (isStep && property.Name == StepNameMember)
            {
                continue;
            }

            if (!members.TryGetValue(property.Name, out var member))
            {
                var valid = string.Join(", ", members.Keys);
                context.Error(memberPath,
                    $"unknown member \"{property.Name}\" (expected: {valid})",
                    $"thuộc tính \"{property.Name}\" không được hỗ trợ (các thuộc tính hợp lệ: {valid})");
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (!IsNullable(member))
                {
                    context.Error(memberPath, "must not be null", "không được là null");
                }
            }
            else
            {
                Check(context, property.Value, member.PropertyType, memberPath, allowBlank: IsNullable(member));
            }
        }

        foreach (var member in contract.Properties.Where(m => IsRequired(m) && !value.TryGetProperty(m.Name, out _)))
        {
            context.Error(Member(path, member.Name), $"\"{member.Name}\" is required", $"thiếu \"{member.Name}\"");
        }
    }

    private static void CheckEnum(RecipeValidationContext context, JsonElement value, Type type, string path)
    {
        var names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        if (!Expect(context, value, path, JsonValueKind.String))
        {
            return;
        }

        var text = value.GetString()!;
        if (!names.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            var valid = string.Join(", ", names);
            context.Error(path, $"'{text}' is not one of: {valid}", $"giá trị '{text}' không hợp lệ (chọn một trong: {valid})");
        }
    }

    private static bool Expect(RecipeValidationContext context, JsonElement value, string path, params JsonValueKind[] kinds)
    {
        if (kinds.Contains(value.ValueKind))
        {
            return true;
        }

        var (english, vietnamese) = kinds[0] switch
        {
            JsonValueKind.Object => ("an object", "một đối tượng JSON"),
            JsonValueKind.Array => ("a list", "một danh sách"),
            JsonValueKind.String => ("a string", "một chuỗi"),
            JsonValueKind.Number => ("a number", "một số"),
            _ => ("true or false", "true hoặc false"),
        };
        context.Error(path, $"must be {english}", $"phải là {vietnamese}");
        return false;
    }

    private static bool IsRequired(JsonPropertyInfo member) =>
        member.IsRequired || member.AssociatedParameter is { HasDefaultValue: false };

    private static bool IsNullable(JsonPropertyInfo member) =>
        member.AssociatedParameter?.IsNullable ?? member.IsSetNullable;

    private static string Member(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
