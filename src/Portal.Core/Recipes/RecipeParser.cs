using System.Text.Json;

namespace Portal.Core.Recipes;

public static class RecipeParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses a recipe; throws <see cref="RecipeException"/> on invalid JSON or a malformed shape.</summary>
    public static RecipeDocument Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            throw new RecipeException(source, [new RecipeError(
                $"invalid JSON at line {line}: {ex.Message}",
                $"JSON sai cú pháp ở dòng {line}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<RecipeError>();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeException(source, [new RecipeError("the root must be a JSON object", "gốc của kịch bản phải là một đối tượng JSON")]);
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new RecipeError("missing \"name\"", "thiếu thuộc tính \"name\""));
            }

            var displayName = root.TryGetProperty("displayName", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : name ?? source;
            var description = root.TryGetProperty("description", out var ds) && ds.ValueKind == JsonValueKind.String ? ds.GetString() : null;

            var steps = new List<RecipeStepData>();
            if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RecipeError("missing \"steps\" array", "thiếu danh sách bước \"steps\""));
            }
            else
            {
                var index = 0;
                foreach (var step in stepsElement.EnumerateArray())
                {
                    index++;
                    if (step.ValueKind != JsonValueKind.Object ||
                        !step.TryGetProperty("name", out var stepName) ||
                        stepName.ValueKind != JsonValueKind.String ||
                        string.IsNullOrWhiteSpace(stepName.GetString()))
                    {
                        errors.Add(new RecipeStepLocation(index, null).Error("name", "the step's \"name\" is required", "thiếu tên bước (\"name\")"));
                        continue;
                    }

                    steps.Add(new RecipeStepData(stepName.GetString()!, index, step.Clone()));
                }
            }

            if (errors.Count > 0)
            {
                throw new RecipeException(source, errors);
            }

            return new RecipeDocument(name!, displayName, description, steps, source);
        }
    }
}
