namespace Portal.Web.Setup;

/// <summary>Settings under <c>Portal:Setup</c>: what the first run provisions.</summary>
public sealed class SetupOptions
{
    public const string Section = "Portal:Setup";

    /// <summary>The province portal's recipe.</summary>
    public string Recipe { get; set; } = "province-portal";

    /// <summary>Also provision the demo component sites (true in development).</summary>
    public bool Demo { get; set; }

    public string DemoRecipe { get; set; } = "demo";

    /// <summary>
    /// The initial <c>admin</c> password of every provisioned site. Empty: one is generated
    /// and printed once. Never commit one.
    /// </summary>
    public string? AdminPassword { get; set; }
}
