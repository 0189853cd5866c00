using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>
/// A module's part of the one EF Core model: it maps its entities and index tables.
/// Register with <c>services.AddModelContributor&lt;T&gt;()</c>.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);

    /// <summary>
    /// The assembly whose migrations create the tables this contributor maps: by default the
    /// contributor's own. A contributor registered on another module's behalf (an index table
    /// of module X registered through Contents) names X's assembly.
    /// </summary>
    Assembly Owner => GetType().Assembly;
}
