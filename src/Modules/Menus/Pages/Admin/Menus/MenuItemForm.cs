using Portal.Modules.Menus.Services;

namespace Portal.Modules.Menus.Pages.Admin.Menus;

/// <summary>The fields of a menu entry as the add and edit forms post them.</summary>
public sealed class MenuItemForm
{
    public string? Text { get; set; }

    public string? Url { get; set; }

    public string? ParentId { get; set; }

    public bool OpenInNewWindow { get; set; }

    public MenuItemInput ToInput() => new(Text, Url, ParentId, OpenInNewWindow);

    public static MenuItemForm From(MenuItemInfo item) =>
        new() { Text = item.Text, Url = item.Url, ParentId = item.ParentId, OpenInNewWindow = item.OpenInNewWindow };

    /// <summary>An entry's text as a choice of a list, indented by its depth.</summary>
    public static string Indented(MenuItemInfo item) => string.Concat(Enumerable.Repeat("— ", item.Depth)) + item.Text;
}
