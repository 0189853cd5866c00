using Portal.Core.Tenancy;

namespace Portal.Web.CommandLine;

/// <summary>The operator commands the executable runs instead of the site: <c>tenants ...</c>, <c>audit ...</c> and <c>search ...</c>.</summary>
public static class OperatorCommands
{
    /// <summary>True when the arguments name an operator command rather than options of the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is TenantsCommand.Name or AuditCommand.Name or SearchCommand.Name;

    /// <summary>Runs the command named by the first argument; 0 on success, 1 on failure, 2 on bad usage.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CommandConsole console, CancellationToken cancellationToken = default) =>
        args[0] switch
        {
            AuditCommand.Name => AuditCommand.RunAsync(services, args[1..], console, cancellationToken),
            SearchCommand.Name => SearchCommand.RunAsync(services, args[1..], console, cancellationToken),
            _ => TenantsCommand.RunAsync(services, args[1..], console, cancellationToken),
        };

    /// <summary>
    /// The tenant named by <c>--tenant</c>, or every tenant ordered by name; null, after saying so
    /// on the error output, when no tenant has that name.
    /// </summary>
    public static async Task<List<TenantDescriptor>?> SelectTenantsAsync(IServiceProvider services, string[] args, CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        var directory = services.GetRequiredService<ITenantDirectory>();
        if (Option(args, "--tenant") is not { } name)
        {
            return [.. directory.All.OrderBy(t => t.Name, StringComparer.Ordinal)];
        }

        if (directory.FindByName(name) is { } tenant)
        {
            return [tenant];
        }

        await console.Error.WriteLineAsync($"Không tìm thấy trang '{name}'.").ConfigureAwait(false);
        return null;
    }

    /// <summary>The value after <paramref name="name"/> (<c>--tenant sotaichinh</c>), or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
