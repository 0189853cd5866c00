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
    /// The initial <c>admin</c> password of the province portal, chosen by the operator (no change is
    /// forced at its first sign-in). Empty: one is generated, handed over in the password file and
    /// must be changed at the first sign-in. Never commit one.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// Give the sites the first run creates (the demo's) the chosen <see cref="AdminPassword"/> too,
    /// instead of a fresh generated password each. For a developer's machine only: true in
    /// <c>appsettings.Development.json</c>, false by default; ignored when the password is generated.
    /// </summary>
    public bool SitesShareAdminPassword { get; set; }

    /// <summary>Where generated passwords are handed to the operator (default <c>App_Data/initial-passwords</c>).</summary>
    public string? PasswordFilesPath { get; set; }
}
