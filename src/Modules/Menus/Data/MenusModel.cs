using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Menus.Models;

namespace Portal.Modules.Menus.Data;

/// <summary>The module's tables: menus and their items.</summary>
public sealed class MenusModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Menu>(e =>
        {
            e.ToTable("Menus");
            e.Property(x => x.Name).HasMaxLength(Menu.NameMaxLength).IsRequired();
            e.Property(x => x.DisplayName).HasMaxLength(Menu.DisplayNameMaxLength).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<MenuItem>(e =>
        {
            e.ToTable("MenuItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(MenuItem.IdLength);
            e.Property(x => x.Menu).HasMaxLength(Menu.NameMaxLength).IsRequired();
            e.Property(x => x.Text).HasMaxLength(MenuItem.TextMaxLength).IsRequired();
            e.Property(x => x.Url).HasMaxLength(MenuItem.UrlMaxLength).IsRequired();
            e.Property(x => x.ParentId).HasMaxLength(MenuItem.IdLength);
            e.HasIndex(x => new { x.TenantId, x.Menu });
        });
    }
}
