using Portal.Core.Tenancy;

namespace Portal.Modules.Menus.Models;

/// <summary>A tenant's menu (<c>main</c>, <c>footer</c>...) with a Vietnamese display name.</summary>
public sealed class Menu : ITenantOwned
{
    public const int NameMaxLength = 64;
    public const int DisplayNameMaxLength = 256;

    public long Id { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>A slug the theme names (<see cref="Abstractions.MenuNames"/>), unique in the tenant.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";
}

/// <summary>One entry of a menu, nested under another entry of the same menu or at its top level.</summary>
public sealed class MenuItem : ITenantOwned
{
    public const int IdLength = 32;
    public const int TextMaxLength = 256;
    public const int UrlMaxLength = 2048;

    /// <summary>32 hex characters of a version 7 GUID.</summary>
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    /// <summary>The <see cref="Models.Menu.Name"/> of its menu.</summary>
    public string Menu { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>An absolute http(s) address or a site path starting with '/'.</summary>
    public string Url { get; set; } = "";

    public string? ParentId { get; set; }

    /// <summary>Place among its siblings, from 0.</summary>
    public int Order { get; set; }

    public bool OpenInNewWindow { get; set; }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
