namespace Portal.Core.Admin;

/// <summary>An entry of the admin menu; shown only when the user holds <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Text, string Url, string? Permission, int Order, bool DefaultTenantOnly = false);
