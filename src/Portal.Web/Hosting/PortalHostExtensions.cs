using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Web;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Core.Themes;
using Portal.Modules.PublicCache;
using Portal.Modules.Tenants;
using Portal.Modules.Users.Services;
using Portal.Themes.Default;
using Portal.Web.Data;
using Portal.Web.Endpoints;
using Portal.Web.Logging;
using Portal.Web.Setup;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Portal.Web.Hosting;

public static class PortalHostExtensions
{
    /// <summary>
    /// Everything the host registers: logging, modules, database, pages, health, limits. For an
    /// operator command (<paramref name="commandLine"/>) logs go to standard error, warnings and
    /// above only, so standard output carries the command's results alone.
    /// </summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder, bool commandLine = false)
    {
        builder.AddPortalLogging(commandLine);
        // Modules' and themes' wwwroot (/_content/<assembly>/...) in every environment when run
        // from the build output (tests included); a no-op when published, where the files are copied.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddPortalPlatform(builder.Configuration, PortalModules.All());
        services.AddPortalTheme(new DefaultTheme());
        services.AddInlineStylesheet(DefaultTheme.Stylesheet);
        services.AddPortalDatabase(builder.Environment);
        services.AddSingleton<IRecipeStore>(sp => new FileRecipeStore(RecipesFolder(builder.Configuration, builder.Environment)));
        services.AddPortalSetup(builder.Configuration);

        services.AddWebEncoders(o => o.TextEncoderSettings = VietnameseHtml.Settings);
        services.AddPortalDataProtection(builder.Configuration, builder.Environment);
        services.AddRazorPages()
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>()
            .Configure<ModuleCatalog>((options, catalog) => options.Conventions.Add(new ModulePageConvention(catalog)));
        services.AddAuthorization();
        services.AddPortalReverseProxy();
        services.AddPortalCookieSecurity();
        services.AddPortalCompression();

        services.AddHealthChecks().AddDbContextCheck<Portal.Core.Data.PortalDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The request pipeline, in order: the real client (forwarded headers from known proxies
    /// only), compression (not of /admin), the public page cache, security headers and cookie rules, the tenant, then its status pages (errors in
    /// Vietnamese, in the tenant's layout), the admin network gate, routing, module gate,
    /// sign-in, the account-setup gate (a password change or a second factor owed first). Every
    /// /admin endpoint requires the admin right (by route,
    /// <see cref="AdminEndpointConventions"/>).
    /// </summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalReverseProxy();
        app.UsePortalCompression();
        app.UsePublicPageCache();
        app.UsePortalSecurityHeaders();
        app.UsePortalCookieSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseTenantResolution();
        app.UsePortalStatusPages();
        app.UseAdminNetworkGate();
        app.UseRouting();
        app.UseModuleGate();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAccountSetupGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPortalHealth();
        app.MapRazorPages().RequireAdminAccessOnAdminRoutes();
        app.MapPortalModules();
        return app;
    }

    private static void AddPortalLogging(this WebApplicationBuilder builder, bool commandLine)
    {
        LogEventLevel? toStandardError = commandLine ? LogEventLevel.Verbose : null;
        builder.Services.AddSingleton<TenantLogEnricher>();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With(services.GetRequiredService<TenantLogEnricher>());
            if (commandLine)
            {
                logger.MinimumLevel.Warning();
            }

            if (builder.Configuration.GetValue<bool>("Portal:Logging:Json"))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: toStandardError);
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] [{Tenant}] {SourceContext}: {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: toStandardError);
            }
        });
    }

    private static string RecipesFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Portal:RecipesPath"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        // Next to the binaries (copied by the build), else the repository's recipes/ when run from source.
        var output = Path.Combine(AppContext.BaseDirectory, "recipes");
        return Directory.Exists(output) ? output : Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "recipes"));
    }
}
