namespace Portal.Core.Settings;

/// <summary>
/// One section of a tenant's settings (password rules, session limits, site identity...): a
/// class with a parameterless constructor whose property initialisers are the defaults, and
/// DataAnnotations (<c>[Display(Name = "…")]</c>, <c>[Range]</c>...) that the admin page and
/// the recipe step check. Stored as JSON under <see cref="SectionName"/>; register with
/// <c>services.AddTenantSettingsSection&lt;T&gt;()</c>. Name the class with
/// <c>[DisplayName("…")]</c> for the admin page.
/// </summary>
/// <remarks>
/// Instances returned by <see cref="ITenantSettings.GetAsync{T}"/> are shared by every caller
/// of the tenant (cached): treat them as read-only and save a new instance (or a copy made with
/// <c>with</c> when the section is a record).
/// </remarks>
public interface ITenantSettingsSection
{
    /// <summary>Stable key of the section (<c>passwords</c>, <c>sessions</c>): recipe member and URL segment.</summary>
    static abstract string SectionName { get; }
}

/// <summary>The settings of the current tenant.</summary>
public interface ITenantSettings
{
    /// <summary>The section as saved, or its defaults when never saved. Served from memory after the first read.</summary>
    ValueTask<T> GetAsync<T>(CancellationToken cancellationToken = default) where T : class, ITenantSettingsSection, new();

    /// <summary>Validates and saves the section for the current tenant, audited as <c>settings.update</c>.</summary>
    Task<SettingsSaveResult> SaveAsync<T>(T value, CancellationToken cancellationToken = default) where T : class, ITenantSettingsSection, new();
}

/// <summary>The outcome of a save: the Vietnamese messages of what was refused, per member.</summary>
public sealed record SettingsSaveResult(IReadOnlyList<SettingsError> Errors)
{
    public static readonly SettingsSaveResult Saved = new([]);

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A refused value: the property (empty for the whole section) and the Vietnamese message.</summary>
public sealed record SettingsError(string Member, string Message);
