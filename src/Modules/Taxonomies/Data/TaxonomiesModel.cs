using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Modules.Taxonomies.Models;

namespace Portal.Modules.Taxonomies.Data;

/// <summary>The module's tables: taxonomies and their terms.</summary>
public sealed class TaxonomiesModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Taxonomy>(e =>
        {
            e.ToTable("Taxonomies");
            e.Property(x => x.Name).HasMaxLength(Taxonomy.NameMaxLength).IsRequired();
            e.Property(x => x.DisplayName).HasMaxLength(Taxonomy.DisplayNameMaxLength).IsRequired();
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<Term>(e =>
        {
            e.ToTable("TaxonomyTerms");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(Term.IdLength);
            e.Property(x => x.Taxonomy).HasMaxLength(Taxonomy.NameMaxLength).IsRequired();
            e.Property(x => x.Name).HasMaxLength(Term.NameMaxLength).IsRequired();
            e.Property(x => x.Slug).HasMaxLength(Term.SlugMaxLength).IsRequired();
            e.Property(x => x.ParentId).HasMaxLength(Term.IdLength);
            e.Property(x => x.Description).HasMaxLength(Term.DescriptionMaxLength);
            // A slug names one term of a taxonomy in the tenant's public addresses (/chuyen-muc/{slug}).
            e.HasIndex(x => new { x.TenantId, x.Taxonomy, x.Slug }).IsUnique();
        });
    }
}
