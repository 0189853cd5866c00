using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Portal.Core.Settings;

namespace Portal.Modules.Tenants.Services;

/// <summary>How one property of a settings section is shown and read back on the generic settings form.</summary>
public sealed class SettingsFormField
{
    private SettingsFormField(PropertyInfo property)
    {
        Property = property;
        Label = SettingsValidation.DisplayNameOf(property);
        Hint = property.GetCustomAttribute<DisplayAttribute>()?.GetDescription();
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Kind = type switch
        {
            _ when type == typeof(bool) => SettingsFieldKind.Boolean,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) => SettingsFieldKind.Number,
            _ when type == typeof(TimeSpan) => SettingsFieldKind.Duration,
            _ when type.IsEnum => SettingsFieldKind.Choice,
            _ when type == typeof(string) => SettingsFieldKind.Text,
            _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => SettingsFieldKind.Lines,
            _ => throw new NotSupportedException($"Settings property {property.DeclaringType?.Name}.{property.Name} has unsupported type {type.Name}."),
        };
    }

    public PropertyInfo Property { get; }
    public string Name => Property.Name;
    public string Label { get; }
    public string? Hint { get; }
    public SettingsFieldKind Kind { get; }

    /// <summary>The choices of an enum property: value and its <c>[Display(Name)]</c>.</summary>
    public IEnumerable<(string Value, string Text)> Choices =>
        Enum.GetValues(Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType).Cast<Enum>()
            .Select(v => (v.ToString(), v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString()));

    /// <summary>The editable public properties of a section, in declaration order.</summary>
    public static IReadOnlyList<SettingsFormField> Of(Type section) =>
        [.. section.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SettingsFormField(p))];

    /// <summary>The property's value as the form shows it.</summary>
    public string Format(object section) => Property.GetValue(section) switch
    {
        null => "",
        string text => text,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IEnumerable<string> lines => string.Join('\n', lines),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

    /// <summary>Sets the property from the posted text; a Vietnamese message when the text is not a value of its type.</summary>
    public string? TrySet(object section, string? text)
    {
        text = text?.Trim() ?? "";
        var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
        object? value;
        switch (Kind)
        {
            case SettingsFieldKind.Boolean:
                value = text.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase);
                break;
            case SettingsFieldKind.Number:
                if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return $"{Label} phải là một số.";
                }

                try
                {
                    value = Convert.ChangeType(number, type, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    return $"{Label} quá lớn.";
                }

                break;
            case SettingsFieldKind.Duration:
                if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                {
                    return $"{Label} phải có dạng giờ:phút:giây, ví dụ 00:30:00.";
                }

                value = span;
                break;
            case SettingsFieldKind.Choice:
                if (!Enum.TryParse(type, text, ignoreCase: false, out value) || !Enum.IsDefined(type, value!))
                {
                    return $"Giá trị của {Label} không hợp lệ.";
                }

                break;
            case SettingsFieldKind.Lines:
                var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                value = type.IsArray ? lines : lines.ToList();
                break;
            default:
                value = text.Length == 0 && !IsNonNullableString() ? null : text;
                break;
        }

        Property.SetValue(section, value);
        return null;
    }

    private bool IsNonNullableString() =>
        new NullabilityInfoContext().Create(Property).WriteState == NullabilityState.NotNull;
}

public enum SettingsFieldKind
{
    Text,
    Number,
    Boolean,
    Duration,
    Choice,
    Lines,
}
