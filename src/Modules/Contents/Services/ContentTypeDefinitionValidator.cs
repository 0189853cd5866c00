using System.Text.RegularExpressions;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Services;

/// <summary>
/// The one check of a content type's parts and fields against what the code registered: unknown
/// parts or field types, duplicates, bad field names, fields attached to a part the type does
/// not list. Used by the definition store (admin, code) and the <c>content-types</c> recipe step.
/// </summary>
internal sealed partial class ContentTypeDefinitionValidator(IContentPartRegistry registry)
{
    /// <summary>Errors of a type named <paramref name="name"/> with these parts and fields; none when it may be saved.</summary>
    public IReadOnlyList<ContentDefinitionError> Validate(string name, IReadOnlyList<string> parts, IReadOnlyList<ContentFieldDefinition> fields) =>
        [.. CheckName(name), .. CheckParts(parts), .. CheckFields(parts, fields, requireNameAndType: true)];

    /// <summary>
    /// The parts and fields check alone, for the <c>content-types</c> recipe step (which checks
    /// names and required members itself); paths are relative to the type (<c>parts[0]</c>).
    /// </summary>
    public IReadOnlyList<ContentDefinitionError> ValidatePartsAndFields(IReadOnlyList<string> parts, IReadOnlyList<ContentFieldDefinition> fields) =>
        [.. CheckParts(parts), .. CheckFields(parts, fields, requireNameAndType: false)];

    private static IEnumerable<ContentDefinitionError> CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !Identifier().IsMatch(name))
        {
            yield return new("name", $"type name '{name}' must be a letter followed by letters or digits",
                $"tên kiểu '{name}' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số");
        }
    }

    private IEnumerable<ContentDefinitionError> CheckParts(IReadOnlyList<string?> parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not { } part)
            {
                continue;
            }

            if (registry.FindPart(part) is null)
            {
                var known = string.Join(", ", registry.Parts.Select(p => p.Name));
                yield return new($"parts[{i}]", $"part '{part}' is not registered (known parts: {known})",
                    $"phần '{part}' không tồn tại; các phần có thể dùng: {known}");
            }
            else if (!seen.Add(part))
            {
                yield return new($"parts[{i}]", $"part '{part}' is listed twice", $"phần '{part}' bị khai báo hai lần");
            }
        }
    }

    private IEnumerable<ContentDefinitionError> CheckFields(IReadOnlyList<string> parts, IReadOnlyList<ContentFieldDefinition?> fields, bool requireNameAndType)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not { } field)
            {
                continue;
            }

            var at = $"fields[{i}]";
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                if (requireNameAndType)
                {
                    yield return new($"{at}.name", "the field has no name", "trường chưa có tên");
                }
            }
            else if (!Identifier().IsMatch(field.Name))
            {
                yield return new($"{at}.name", $"field name '{field.Name}' must be a letter followed by letters or digits",
                    $"tên trường '{field.Name}' phải bắt đầu bằng chữ cái và chỉ gồm chữ cái không dấu, chữ số");
            }
            else if (!seen.Add(field.Path))
            {
                yield return new($"{at}.name", $"field '{field.Path}' is listed twice", $"trường '{field.Name}' bị khai báo hai lần");
            }
            else if (field.Part is null && parts.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new($"{at}.name", $"field '{field.Name}' has the name of a part", $"trường '{field.Name}' trùng tên với một phần");
            }

            if (string.IsNullOrWhiteSpace(field.Type))
            {
                if (requireNameAndType)
                {
                    yield return new($"{at}.type", "the field has no type", $"trường '{field.DisplayName}' chưa có kiểu");
                }
            }
            else if (registry.FindFieldType(field.Type) is null)
            {
                var known = string.Join(", ", registry.FieldTypes.Select(t => t.Name));
                yield return new($"{at}.type", $"field type '{field.Type}' is unknown (known types: {known})",
                    $"kiểu trường '{field.Type}' không tồn tại; các kiểu có thể dùng: {known}");
            }

            if (field.Part is not null && !parts.Contains(field.Part, StringComparer.Ordinal))
            {
                yield return new($"{at}.part", $"field '{field.Name}' is attached to part '{field.Part}', which the type does not list",
                    $"trường '{field.Name}' gắn vào phần '{field.Part}' nhưng kiểu không có phần này");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
