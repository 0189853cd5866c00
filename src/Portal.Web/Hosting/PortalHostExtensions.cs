using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Portal.Modules.Tenants;
using Portal.Web.Data;
using Portal.Web.Endpoints;
using Portal.Web.Logging;
using Portal.Web.Setup;
using Serilog;
using Serilog.Formatting.Compact;

namespace Portal.Web.Hosting;

public static class PortalHostExtensions
{
    public const string LoginRateLimit = "login";
    public const string PublicFormRateLimit = "public-form";

    /// <summary>Everything the host registers: logging, modules, database, pages, health, limits.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        // Modules' and themes' wwwroot (/_content/<assembly>/...) in every environment when run
        // from the build output (tests included); a no-op when published, where the files are copied.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddPortalPlatform(builder.Configuration, PortalModules.All());
        services.AddPortalDatabase(builder.Environment);
        services.AddSingleton<IRecipeStore>(sp => new FileRecipeStore(RecipesFolder(builder.Configuration, builder.Environment)));
        services.Configure<SetupOptions>(builder.Configuration.GetSection(SetupOptions.Section));
        services.AddSingleton<FirstRunSetup>();

        services.AddWebEncoders(o => o.TextEncoderSettings = VietnameseHtml.Settings);
        services.AddDataProtection().SetApplicationName("Portal.Orchard");
        // Resolved when first needed, so configuration added after registration (tests, hosts) applies.
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configuration, environment, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(DataProtectionKeysFolder(configuration, environment)), loggers));
        // Every admin page needs at least the right to use the admin; pages add their own permission.
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Admin", Portal.Modules.Users.Permissions.AccessAdmin.PolicyName))
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>()
            .Configure<ModuleCatalog>((options, catalog) => options.Conventions.Add(new ModulePageConvention(catalog)));
        services.AddAuthorization();
        services.AddAntiforgery();

        services.AddHealthChecks().AddDbContextCheck<Portal.Core.Data.PortalDbContext>("database", tags: ["ready"]);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per tenant and client address: a flood on one site does not lock out another's editors.
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(PublicFormRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    private static string PartitionKey(HttpContext context) =>
        $"{context.RequestServices.GetService<ICurrentTenant>()?.Tenant?.Id}|{context.Connection.RemoteIpAddress}";

    /// <summary>The request pipeline, in order: tenant first, then routing, module gate, sign-in.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStaticFiles();
        app.UseTenantResolution();
        app.UseRouting();
        app.UseModuleGate();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPortalHealth();
        app.MapHomeEndpoints();
        app.MapRazorPages();
        app.MapPortalModules();
        return app;
    }

    private static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TenantLogEnricher>();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With(services.GetRequiredService<TenantLogEnricher>());
            if (builder.Configuration.GetValue<bool>("Portal:Logging:Json"))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] [{Tenant}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
    }

    /// <summary>Keys that sign cookies must survive restarts (and be shared by all nodes: point this at shared storage).</summary>
    private static string DataProtectionKeysFolder(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Portal:DataProtection:KeysPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "App_Data", "keys");

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
