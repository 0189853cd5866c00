using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Modules.Users.Data;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Recipes;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users;

internal static class UsersServiceCollectionExtensions
{

    /// <summary>Tenant-scoped Identity over the shared portal context, with the policy of the portal.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddModelContributor<UsersModel>();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<PortalRole>()
            .AddUserStore<PortalUserStore>()
            .AddRoleStore<PortalRoleStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalUserClaimsPrincipalFactory>();
        services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<PortalUser>>();

        services.AddScoped<UserAccounts>();
        services.AddScoped<IUserAccounts>(sp => sp.GetRequiredService<UserAccounts>());
        services.AddScoped<RolePermissions>();
        services.AddScoped<PrivilegeCeiling>();
        services.AddScoped<UserSessions>();
        services.AddSingleton<SignInBackoff>();
        services.AddRecipeStep<RolesRecipeStep>();
        services.AddRecipeStep<UsersRecipeStep>();
        return services;
    }

    /// <summary>
    /// The sign-in cookie (host-only, tenant-bound ticket, refused on any other tenant) and
    /// Identity's short-lived helper cookies, which get the same protections.
    /// </summary>
    public static IServiceCollection AddPortalSignInCookie(this IServiceCollection services)
    {
        services.TryAddScoped<ITwoFactorSecurityStampValidator, TwoFactorSecurityStampValidator<PortalUser>>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddTenantCookie(IdentityConstants.ApplicationScheme, new HostOnlyCookieManager(HostOnlyCookieManager.PlainName, HostOnlyCookieManager.SecureName), options =>
            {
                options.LoginPath = AdminRoutes.SignIn;
                options.LogoutPath = AdminRoutes.SignOut;
                options.AccessDeniedPath = AdminRoutes.AccessDenied;
                // A signed-in user without the right gets 403 where they are, with the Vietnamese status page.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                // Never persistent (no Expires/Max-Age): the browser drops it when closed.
                options.Cookie.MaxAge = null;
                options.SlidingExpiration = true;
                options.Events.OnSigningIn = SessionValidation.StartSessionAsync;
                options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            })
            .AddTenantCookie(IdentityConstants.ExternalScheme, new HostOnlyCookieManager(".portal.external", "__Host-portal-external"), options =>
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5))
            .AddTenantCookie(IdentityConstants.TwoFactorUserIdScheme, new HostOnlyCookieManager(".portal.2fa", "__Host-portal-2fa"), options =>
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5))
            .AddTenantCookie(IdentityConstants.TwoFactorRememberMeScheme, new HostOnlyCookieManager(".portal.2fa-remember", "__Host-portal-2fa-remember"), options =>
                options.Events.OnValidatePrincipal = SecurityStampValidator.ValidateAsync<ITwoFactorSecurityStampValidator>);

        // The tenant's idle and absolute limits are checked on the session row; the ticket itself only
        // outlives the longest idle timeout a tenant may choose, sliding while in use.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure(options => options.ExpireTimeSpan = SessionSettings.MaxIdleTimeout);

        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme)
                .Configure<IHttpContextAccessor, IDataProtectionProvider>((options, httpContextAccessor, dataProtection) =>
                    options.TicketDataFormat = new TenantTicketDataFormat(httpContextAccessor, dataProtection));
        }

        return services;
    }

    private static AuthenticationBuilder AddTenantCookie(this AuthenticationBuilder builder, string scheme, HostOnlyCookieManager cookieManager, Action<CookieAuthenticationOptions> configure) =>
        builder.AddCookie(scheme, options =>
        {
            options.Cookie.Name = cookieManager.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = cookieManager;
            configure(options);
        });
}
