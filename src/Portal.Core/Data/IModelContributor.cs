using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>
/// A module's part of the one EF Core model: it maps its entities and index tables.
/// Register with <c>services.AddModelContributor&lt;T&gt;()</c>.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
