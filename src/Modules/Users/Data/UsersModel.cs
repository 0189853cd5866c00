using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Users.Models;

namespace Portal.Modules.Users.Data;

/// <summary>
/// Maps the Identity entities into the one portal model, shaped as Identity's own schema
/// except that every unique index starts with the tenant, so user and role names are unique
/// per tenant only.
/// </summary>
public sealed class UsersModel : IModelContributor
{
    // Identity's own lengths: names and e-mails 256, provider keys 128.
    private const int NameLength = 256;
    private const int KeyLength = 128;

    public void Configure(ModelBuilder modelBuilder)
    {
        const string tenantId = PortalDbContext.TenantIdColumn;

        modelBuilder.Entity<PortalUser>(b =>
        {
            b.ToTable("Users");
            b.HasKey(u => u.Id);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(NameLength);
            b.Property(u => u.NormalizedUserName).HasMaxLength(NameLength);
            b.Property(u => u.Email).HasMaxLength(NameLength);
            b.Property(u => u.NormalizedEmail).HasMaxLength(NameLength);
            b.HasIndex(tenantId, nameof(PortalUser.NormalizedUserName)).IsUnique();
            b.HasIndex(tenantId, nameof(PortalUser.NormalizedEmail));
            b.HasMany<PortalUserClaim>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<PortalUserLogin>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<PortalUserToken>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            b.HasMany<PortalUserRole>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
        });

        modelBuilder.Entity<PortalRole>(b =>
        {
            b.ToTable("Roles");
            b.HasKey(r => r.Id);
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(NameLength);
            b.Property(r => r.NormalizedName).HasMaxLength(NameLength);
            b.Property(r => r.Description).HasMaxLength(1024);
            b.HasIndex(tenantId, nameof(PortalRole.NormalizedName)).IsUnique();
            b.HasMany<PortalUserRole>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
            b.HasMany<PortalRoleClaim>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
        });

        modelBuilder.Entity<PortalUserRole>(b =>
        {
            b.ToTable("UserRoles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });

        modelBuilder.Entity<PortalUserClaim>(b =>
        {
            b.ToTable("UserClaims");
            b.HasKey(c => c.Id);
        });

        modelBuilder.Entity<PortalRoleClaim>(b =>
        {
            b.ToTable("RoleClaims");
            b.HasKey(c => c.Id);
        });

        modelBuilder.Entity<PortalUserLogin>(b =>
        {
            b.ToTable("UserLogins");
            // The same external account may sign in to several tenants, as separate accounts.
            b.HasKey(tenantId, nameof(PortalUserLogin.LoginProvider), nameof(PortalUserLogin.ProviderKey));
            b.Property(l => l.LoginProvider).HasMaxLength(KeyLength);
            b.Property(l => l.ProviderKey).HasMaxLength(KeyLength);
        });

        modelBuilder.Entity<UserSession>(b =>
        {
            b.ToTable("UserSessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
            b.Property(s => s.SecurityStamp).HasMaxLength(NameLength);
            b.Property(s => s.ClientAddress).HasMaxLength(UserSession.ClientAddressLength);
            b.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentLength);
            b.Property(s => s.EndedBy).HasMaxLength(UserSession.EndedByLength);
            b.Property(s => s.EndReason).HasMaxLength(UserSession.EndReasonLength);
            // A user's sessions, for their list and for ending them all; the request path reads by key.
            b.HasIndex(tenantId, nameof(UserSession.UserId), nameof(UserSession.EndedUtc));
            b.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).IsRequired();
        });

        modelBuilder.Entity<PortalUserToken>(b =>
        {
            b.ToTable("UserTokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(KeyLength);
            b.Property(t => t.Name).HasMaxLength(KeyLength);
        });
    }
}
