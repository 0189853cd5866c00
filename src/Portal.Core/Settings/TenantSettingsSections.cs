using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Data;
using Portal.Core.Recipes;

namespace Portal.Core.Settings;

/// <summary>A registered settings section: its key, its Vietnamese name and its type.</summary>
public sealed class TenantSettingsSectionDescriptor
{
    internal static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public TenantSettingsSectionDescriptor(string name, Type type)
    {
        Name = name;
        Type = type;
        DisplayName = type.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? name;
    }

    public string Name { get; }
    public string DisplayName { get; }
    public Type Type { get; }

    public object CreateDefaults() => Activator.CreateInstance(Type)!;

    /// <summary>Reads stored JSON leniently: members a newer or older build does not know are skipped, missing ones keep their defaults.</summary>
    public object Deserialize(string json) => JsonSerializer.Deserialize(json, Type, Json) ?? CreateDefaults();

    public string Serialize(object value) => JsonSerializer.Serialize(value, Type, Json);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Every section the modules registered, by key.</summary>
public sealed class TenantSettingsSections(IEnumerable<TenantSettingsSectionDescriptor> sections)
{
    private readonly Dictionary<string, TenantSettingsSectionDescriptor> _byName =
        sections.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<TenantSettingsSectionDescriptor> All => _byName.Values;

    public TenantSettingsSectionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    public TenantSettingsSectionDescriptor Get(Type type) =>
        _byName.Values.FirstOrDefault(s => s.Type == type)
        ?? throw new InvalidOperationException($"Settings section {type.Name} is not registered; call services.AddTenantSettingsSection<{type.Name}>().");
}

public static class TenantSettingsServiceCollectionExtensions
{
    /// <summary>Makes a section known to <see cref="ITenantSettings"/>, the <c>settings</c> recipe step and the settings admin page.</summary>
    public static IServiceCollection AddTenantSettingsSection<T>(this IServiceCollection services)
        where T : class, ITenantSettingsSection, new()
    {
        services.AddSingleton(new TenantSettingsSectionDescriptor(T.SectionName, typeof(T)));
        return services;
    }

    /// <summary>The store itself; called by the platform.</summary>
    internal static IServiceCollection AddTenantSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenantSettingsOptions>(configuration.GetSection(TenantSettingsOptions.Section));
        services.AddMemoryCache();
        services.TryAddSingleton<TenantSettingsSections>();
        services.AddScoped<TenantSettingsStore>();
        services.AddScoped<ITenantSettings>(sp => sp.GetRequiredService<TenantSettingsStore>());
        services.AddModelContributor<TenantSettingsModel>();
        services.AddRecipeStep<SettingsRecipeStep>();
        return services;
    }
}
