namespace Portal.Web.Setup;

public static class SetupServiceCollectionExtensions
{
    /// <summary>The first run: its settings, the setup itself and the undo of an unfinished one.</summary>
    public static IServiceCollection AddPortalSetup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SetupOptions>(configuration.GetSection(SetupOptions.Section));
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<UnfinishedSetupRemover>();
        services.AddSingleton<InitialPasswordFile>();
        return services;
    }
}
