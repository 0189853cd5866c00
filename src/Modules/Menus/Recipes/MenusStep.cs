using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Text;
using Portal.Modules.Menus.Models;
using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus.Recipes;

/// <summary>
/// <c>{"name":"menus","menus":[{"name":"main","displayName":"Trình đơn chính","items":[{"text":"Trang chủ","url":"/","openInNewWindow":false,"children":[...]}]}]}</c>:
/// creates the menus and their nested entries, in the order written. An entry with the same text
/// under the same parent is updated (address, place, new window), never duplicated; entries the
/// recipe does not name are left alone, so the step can run again. Addresses are site paths
/// (<c>/gioi-thieu</c>, without the tenant's path base) or absolute http(s) addresses.
/// </summary>
public sealed class MenusStep : RecipeStep<MenusStep.Body>
{
    public sealed record Body(IReadOnlyList<MenuData> Menus);

    public sealed record MenuData(string Name, string DisplayName, IReadOnlyList<ItemData>? Items = null);

    public sealed record ItemData(string Text, string Url, bool OpenInNewWindow = false, IReadOnlyList<ItemData>? Children = null);

    public override string Name => "menus";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Menus.Count; i++)
        {
            var menu = body.Menus[i];
            if (!VietnameseText.IsSlug(menu.Name) || menu.Name.Length > Menu.NameMaxLength)
            {
                context.Error($"menus[{i}].name", "must be a slug (a-z, 0-9, single hyphens)", "phải gồm chữ thường không dấu, chữ số và dấu gạch ngang");
            }
            else if (!names.Add(menu.Name))
            {
                context.Error($"menus[{i}].name", $"menu '{menu.Name}' is listed twice", $"trình đơn '{menu.Name}' được khai báo hai lần");
            }

            CheckItems(context, menu.Items, $"menus[{i}].items");
        }
    }

    private static void CheckItems(RecipeValidationContext context, IReadOnlyList<ItemData>? items, string path)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            // A variable ({{...}}) is checked when the step runs, once it is replaced.
            if (!item.Url.Contains("{{", StringComparison.Ordinal) && !MenuEditor.IsValidUrl(item.Url.Trim()))
            {
                context.Error($"{path}[{i}].url", "must be a path starting with '/' or an http(s) address", "phải là đường dẫn bắt đầu bằng / hoặc địa chỉ http://, https://");
            }

            if (!texts.Add(item.Text.Trim()))
            {
                context.Error($"{path}[{i}].text", $"'{item.Text}' is listed twice under the same parent", $"mục '{item.Text}' bị khai báo hai lần trong cùng một cấp");
            }

            CheckItems(context, item.Children, $"{path}[{i}].children");
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var editor = context.Services.GetRequiredService<MenuEditor>();
        var db = context.Services.GetRequiredService<PortalDbContext>();
        for (var i = 0; i < body.Menus.Count; i++)
        {
            var menu = body.Menus[i];
            Check(context, $"menus[{i}]", await editor.SaveMenuAsync(menu.Name, menu.DisplayName, cancellationToken).ConfigureAwait(false));
            await SaveItemsAsync(context, editor, db, menu.Name, menu.Items, null, $"menus[{i}].items", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveItemsAsync(RecipeStepContext context, MenuEditor editor, PortalDbContext db, string menu, IReadOnlyList<ItemData>? items, string? parentId, string path, CancellationToken cancellationToken)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var data = items![i];
            var text = data.Text.Trim().Normalize(System.Text.NormalizationForm.FormC);
            var input = new MenuItemInput(text, data.Url, parentId, data.OpenInNewWindow) { Order = i };
            var existing = await db.Set<MenuItem>().AsNoTracking().Where(m => m.Menu == menu && m.ParentId == parentId && m.Text == text)
                .Select(m => m.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var result = existing is null
                ? await editor.AddItemAsync(menu, input, cancellationToken).ConfigureAwait(false)
                : await editor.UpdateItemAsync(existing, input, cancellationToken).ConfigureAwait(false);
            Check(context, $"{path}[{i}]", result.Errors);
            await SaveItemsAsync(context, editor, db, menu, data.Children, result.Item!.Id, $"{path}[{i}].children", cancellationToken).ConfigureAwait(false);
        }
    }

    private void Check(RecipeStepContext context, string path, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new RecipeException(Name, errors.Select(e => context.Error(path, e, e)).ToList());
        }
    }
}
