using System.Text.Json;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Core.Recipes;

/// <summary>
/// What a step sees while its recipe is checked, before any step runs: its JSON (variables
/// expanded), where it sits, the modules and permissions the host was built with, and the
/// list its errors go to. Paths given to the methods are relative to the step
/// (<c>roles[0].permissions[1]</c>); errors come out as <c>bước N 'name' tại $.steps[N-1]...: …</c>.
/// </summary>
public sealed class RecipeValidationContext(JsonElement step, RecipeStepLocation location, ModuleCatalog modules)
{
    private readonly List<RecipeError> _errors = [];

    public JsonElement Step { get; } = step;

    public RecipeStepLocation Location { get; } = location;

    /// <summary>Every module of the host, enabled for a tenant or not.</summary>
    public ModuleCatalog Modules { get; } = modules;

    public IReadOnlyList<RecipeError> Errors => _errors;

    public void Error(string path, string message, string userMessage) => _errors.Add(Location.Error(path, message, userMessage));

    /// <summary>Reads the step into <typeparamref name="TBody"/>, reporting every shape error; null when there was one.</summary>
    public TBody? Read<TBody>() where TBody : class => RecipeBodyReader.Read<TBody>(this);

    /// <summary>Reads a member whose type is known only at run time, with the strict rules of <see cref="Read{TBody}"/>; null after an error.</summary>
    public object? ReadValue(string path, JsonElement value, Type type) => RecipeBodyReader.ReadValue(this, value, type, path);

    /// <summary>An error when <paramref name="value"/> is not one of <paramref name="known"/>; the message names the valid ones.</summary>
    /// <param name="what">What the value names, in English and Vietnamese: <c>("module", "mô-đun")</c>.</param>
    public bool RequireKnown(string path, string value, IEnumerable<string> known, (string English, string Vietnamese) what, StringComparer comparer)
    {
        var list = known.ToList();
        if (list.Contains(value, comparer))
        {
            return true;
        }

        var valid = string.Join(", ", list);
        Error(path,
            $"unknown {what.English} '{value}' (known: {valid})",
            $"{what.Vietnamese} '{value}' không tồn tại (các giá trị hợp lệ: {valid})");
        return false;
    }

    /// <summary>An error for each name that is not a module of the host.</summary>
    public void RequireModules(string path, IReadOnlyList<string>? names)
    {
        var known = Modules.Modules.Select(m => m.Name).ToList();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            RequireKnown($"{path}[{i}]", names![i].Trim(), known, ("module", "mô-đun"), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>An error for each name that is neither a permission declared by a module nor <c>*</c>.</summary>
    public void RequirePermissions(string path, IReadOnlyList<string>? names)
    {
        var known = Modules.AllPermissions.Select(p => p.Name).Append(PermissionPolicies.All).ToList();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            RequireKnown($"{path}[{i}]", names![i], known, ("permission", "quyền"), StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// An error for each item whose <paramref name="key"/> repeats an earlier item's, at
    /// <c>path[i].member</c> (<c>roles[3].name</c>), or <c>path[i]</c> when <paramref name="member"/> is empty.
    /// </summary>
    public void RequireUnique<T>(string path, IReadOnlyList<T> items, Func<T, string> key, string member, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            var value = key(items[i]).Trim();
            if (!seen.Add(value))
            {
                Error(member.Length == 0 ? $"{path}[{i}]" : $"{path}[{i}].{member}", $"'{value}' is listed twice", $"'{value}' bị khai báo hai lần");
            }
        }
    }
}
