using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;

namespace Portal.Modules.Tenants.Services;

/// <summary>What an operator asks for when creating a component site.</summary>
public sealed record CreateTenantRequest(string DisplayName, TenantKind Kind)
{
    /// <summary>Host label; derived from <see cref="DisplayName"/> when empty.</summary>
    public string? Label { get; init; }

    public string? Recipe { get; init; }
    public string? UrlPrefix { get; init; }
}

/// <summary>The outcome of a tenant operation: the tenant, or Vietnamese messages saying what is wrong.</summary>
public sealed record TenantResult(TenantDescriptor? Tenant, IReadOnlyList<string> Errors)
{
    /// <summary>The new site's <c>admin</c> password when this call generated it: show it once, store it nowhere.</summary>
    public string? InitialAdminPassword { get; init; }

    public bool Succeeded => Errors.Count == 0;

    public static TenantResult Fail(params string[] errors) => new(null, errors);
}

/// <summary>
/// Creates tenants from recipes and changes their hosts and state. Every change is checked
/// first (label, host clashes, recipe), audited in the acting tenant's trail, and reaches
/// the in-memory registry before the call returns, so a new host answers at once.
/// </summary>
public sealed partial class TenantProvisioner(
    PortalDbContext db,
    TenantRegistry registry,
    IRecipeStore recipes,
    RecipeExecutor executor,
    IAuditLog auditLog,
    TimeProvider clock,
    IOptions<TenantsOptions> options,
    ILogger<TenantProvisioner> logger)
{
    /// <summary>The recipe variable the <c>users</c> step reads for the site's first administrator.</summary>
    public const string AdminPasswordVariable = "adminPassword";

    /// <summary>
    /// Recipes for the province portal itself (its hosts, its roles) and its demo data: never a
    /// component site's recipe, whichever path asks (admin, command line, a <c>tenants</c> step).
    /// </summary>
    public static readonly IReadOnlyList<string> ProvinceOnlyRecipes = ["province-portal", "demo"];

    /// <summary>Audit action of a host change refused (malformed, or a host of another tenant).</summary>
    public const string HostsRefusedAuditAction = "tenant.hosts-refused";

    private DbSet<TenantRecord> Tenants => db.Set<TenantRecord>();

    private DbSet<TenantHost> Hosts => db.Set<TenantHost>();

    public string BaseDomain => options.Value.BaseDomain;

    /// <summary>The host name of a component site: <c>label.basedomain</c>.</summary>
    public string HostFor(string label) => $"{label}.{BaseDomain}";

    /// <summary>
    /// Creates the province portal's own tenant if it does not exist yet. The first run creates it
    /// <see cref="TenantState.Disabled"/> and enables it last, as its "setup completed" mark.
    /// </summary>
    public async Task<TenantDescriptor> EnsureDefaultAsync(string displayName, TenantState state = TenantState.Running, CancellationToken cancellationToken = default)
    {
        var existing = await Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Name == TenantDescriptor.DefaultName, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.ToDescriptor();
        }

        var record = NewRecord(TenantDescriptor.DefaultName, displayName, TenantKind.Province, [BaseDomain, "www." + BaseDomain], parentId: null, recipe: null);
        record.State = state;
        Tenants.Add(record);
        await SyncHostsAsync(record, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return record.ToDescriptor();
    }

    /// <summary>Creates a component site under the current tenant and runs its recipe.</summary>
    public async Task<TenantResult> CreateAsync(CreateTenantRequest request, TenantDescriptor parent, RecipeRun? run = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parent);
        var displayName = request.DisplayName?.Trim().Normalize() ?? "";
        var errors = new List<string>();
        if (displayName.Length == 0)
        {
            errors.Add("Tên đơn vị không được để trống.");
        }
        else if (displayName.Length > 256)
        {
            errors.Add("Tên đơn vị dài tối đa 256 ký tự.");
        }

        var label = string.IsNullOrWhiteSpace(request.Label) ? HostLabel.FromName(displayName) : request.Label.Trim().ToLowerInvariant();
        if (label is null)
        {
            if (displayName.Length > 0)
            {
                errors.Add($"Không tạo được tên miền con từ tên '{displayName}': tên cần có chữ cái hoặc chữ số.");
            }
        }
        else if (HostLabel.Validate(label) is { } labelError)
        {
            errors.Add(labelError);
        }

        var prefix = string.IsNullOrWhiteSpace(request.UrlPrefix) ? null : request.UrlPrefix.Trim().Trim('/').ToLowerInvariant();
        if (prefix is not null && HostLabel.Validate(prefix) is { } prefixError)
        {
            errors.Add("Tiền tố đường dẫn: " + prefixError);
        }

        var recipeName = string.IsNullOrWhiteSpace(request.Recipe) ? options.Value.ComponentSiteRecipe : request.Recipe.Trim();
        var recipe = recipes.Find(recipeName);
        if (recipe is null)
        {
            errors.Add($"Không tìm thấy kịch bản '{recipeName}'.");
        }
        else if (ProvinceOnlyRecipes.Contains(recipe.Name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Kịch bản '{recipe.Name}' chỉ dùng cho Cổng thông tin của tỉnh, không dùng để tạo trang thành phần. Hãy chọn kịch bản '{options.Value.ComponentSiteRecipe}' hoặc một kịch bản trang thành phần khác.");
            recipe = null;
        }

        if (errors.Count > 0 || label is null || recipe is null)
        {
            return TenantResult.Fail([.. errors]);
        }

        var host = HostFor(label);
        if (await Tenants.AnyAsync(t => t.Name == label, cancellationToken).ConfigureAwait(false))
        {
            return TenantResult.Fail($"Tên miền con '{label}' đã được dùng cho một đơn vị khác. Hãy nhập một tên miền con khác.");
        }

        if (await HostTakenAsync(host, exceptTenantId: null, cancellationToken).ConfigureAwait(false))
        {
            return TenantResult.Fail(HostTakenMessage(host));
        }

        var record = NewRecord(label, displayName, request.Kind, [host], parent.Id, recipe.Name);
        record.UrlPrefix = prefix;
        var tenant = record.ToDescriptor();

        run ??= new RecipeRun();
        run.Variables.TryAdd("baseDomain", BaseDomain);
        string? generatedPassword = null;
        if (!run.Variables.ContainsKey(AdminPasswordVariable))
        {
            // A site made after the first run gets its own admin password, shown once to whoever made it.
            generatedPassword = PasswordGenerator.Generate();
            run.Variables[AdminPasswordVariable] = generatedPassword;
        }

        // Check the recipe before anything is written, so a bad recipe changes nothing.
        try
        {
            executor.Validate(recipe, tenant, run);
        }
        catch (RecipeException ex)
        {
            LogRecipeRejected(logger, ex.Message);
            return TenantResult.Fail(ex.UserMessage);
        }

        Tenants.Add(record);
        await SyncHostsAsync(record, cancellationToken).ConfigureAwait(false);
        auditLog.Add("tenant.create", label, $"{displayName} ({request.Kind}) từ kịch bản {recipe.Name}");
        if (await SaveRefusingClashesAsync(record, cancellationToken).ConfigureAwait(false) is { Count: > 0 } clashes)
        {
            return TenantResult.Fail([.. clashes]);
        }

        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        try
        {
            await executor.ExecuteAsync(recipe, tenant, run, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (generatedPassword is not null)
            {
                run.Variables.Remove(AdminPasswordVariable);
            }
        }

        LogTenantCreated(logger, label, host);
        return new TenantResult(registry.FindById(record.Id) ?? tenant, []) { InitialAdminPassword = generatedPassword };
    }

    /// <summary>Enables or disables a tenant; the province portal cannot be disabled.</summary>
    public async Task<TenantResult> SetStateAsync(string tenantId, TenantState state, CancellationToken cancellationToken = default)
    {
        var record = await Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return TenantResult.Fail("Không tìm thấy đơn vị.");
        }

        if (record.Name == TenantDescriptor.DefaultName && state == TenantState.Disabled)
        {
            return TenantResult.Fail("Không thể tạm ngừng Cổng thông tin của tỉnh.");
        }

        if (record.State != state)
        {
            record.State = state;
            Touch(record);
            auditLog.Add(state == TenantState.Disabled ? "tenant.disable" : "tenant.enable", record.Name);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new TenantResult(record.ToDescriptor(), []);
    }

    /// <summary>Replaces a tenant's host names (and URL prefix) after checking each for form and clashes.</summary>
    public async Task<TenantResult> UpdateHostsAsync(string tenantId, IReadOnlyList<string> hostNames, string? urlPrefix, CancellationToken cancellationToken = default)
    {
        var record = await Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return TenantResult.Fail("Không tìm thấy đơn vị.");
        }

        var hosts = NormalizeHosts(hostNames);
        var prefix = string.IsNullOrWhiteSpace(urlPrefix) ? null : urlPrefix.Trim().Trim('/').ToLowerInvariant();
        var errors = new List<string>();
        if (hosts.Count == 0 && prefix is null)
        {
            errors.Add("Đơn vị cần ít nhất một tên miền hoặc một tiền tố đường dẫn.");
        }

        foreach (var host in hosts)
        {
            if (!IsValidHostName(host))
            {
                errors.Add($"Tên miền '{host}' không hợp lệ.");
            }
            else if (await HostTakenAsync(host, record.Id, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(HostTakenMessage(host));
            }
        }

        if (prefix is not null && HostLabel.Validate(prefix) is { } prefixError)
        {
            errors.Add("Tiền tố đường dẫn: " + prefixError);
        }

        if (errors.Count > 0)
        {
            await AuditHostsRefusedAsync(record.Name, errors, cancellationToken).ConfigureAwait(false);
            return TenantResult.Fail([.. errors]);
        }

        if (!hosts.SequenceEqual(record.HostNames) || prefix != record.UrlPrefix)
        {
            auditLog.Add("tenant.hosts", record.Name, $"{string.Join(", ", record.HostNames)} -> {string.Join(", ", hosts)}; tiền tố: {prefix ?? "(không)"}");
            record.HostNames = hosts;
            record.UrlPrefix = prefix;
            Touch(record);
            await SyncHostsAsync(record, cancellationToken).ConfigureAwait(false);
            if (await SaveRefusingClashesAsync(record, cancellationToken).ConfigureAwait(false) is { Count: > 0 } clashes)
            {
                return TenantResult.Fail([.. clashes]);
            }

            await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new TenantResult(record.ToDescriptor(), []);
    }

    /// <summary>
    /// Replaces the networks from which the tenant's <c>/admin</c> may be used (empty = anywhere).
    /// A malformed entry refuses the whole list, changes nothing and is audited.
    /// </summary>
    public async Task<TenantResult> UpdateAdminNetworksAsync(string tenantId, IEnumerable<string> entries, CancellationToken cancellationToken = default)
    {
        var record = await Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return TenantResult.Fail("Không tìm thấy đơn vị.");
        }

        var networks = AdminNetworks.Normalize(entries, out var errors);
        if (errors.Count > 0)
        {
            await auditLog.WriteAsync("tenant.admin-networks-refused", record.Name, string.Join(" ", errors), cancellationToken).ConfigureAwait(false);
            return TenantResult.Fail([.. errors]);
        }

        if (!networks.SequenceEqual(record.AdminNetworks))
        {
            auditLog.Add("tenant.admin-networks", record.Name, $"{string.Join(", ", record.AdminNetworks)} -> {string.Join(", ", networks)}");
            record.AdminNetworks = [.. networks];
            Touch(record);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new TenantResult(record.ToDescriptor(), []);
    }

    /// <summary>
    /// Applies settings from the <c>tenant</c> recipe step to a tenant; no write when nothing differs.
    /// Host names are checked as on the admin page: a malformed host or one of another tenant refuses
    /// the change (Vietnamese messages), and nothing is written.
    /// </summary>
    public async Task<TenantResult> ApplySettingsAsync(string tenantId, Action<TenantRecord> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var record = await Tenants.FirstAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        apply(record);
        var hosts = NormalizeHosts(record.HostNames);
        if (!hosts.SequenceEqual(record.HostNames))
        {
            record.HostNames = hosts;
        }

        if (db.Entry(record).State == EntityState.Modified)
        {
            var errors = new List<string>();
            foreach (var host in hosts)
            {
                if (!IsValidHostName(host))
                {
                    errors.Add($"Tên miền '{host}' không hợp lệ.");
                }
                else if (await HostTakenAsync(host, record.Id, cancellationToken).ConfigureAwait(false))
                {
                    errors.Add(HostTakenMessage(host));
                }
            }

            if (errors.Count > 0)
            {
                db.Entry(record).State = EntityState.Unchanged;
                await AuditHostsRefusedAsync(record.Name, errors, cancellationToken).ConfigureAwait(false);
                return TenantResult.Fail([.. errors]);
            }

            Touch(record);
            await SyncHostsAsync(record, cancellationToken).ConfigureAwait(false);
            auditLog.Add("tenant.settings", record.Name);
            if (await SaveRefusingClashesAsync(record, cancellationToken).ConfigureAwait(false) is { Count: > 0 } clashes)
            {
                return TenantResult.Fail([.. clashes]);
            }

            await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new TenantResult(record.ToDescriptor(), []);
    }

    /// <summary>The message every path gives for a host name of another tenant.</summary>
    public static string HostTakenMessage(string host) => $"Tên miền '{host}' đã được dùng cho một đơn vị khác.";

    /// <summary>Host names as stored: trimmed, without a trailing dot, lower case, each once.</summary>
    public static List<string> NormalizeHosts(IEnumerable<string> hostNames) =>
        hostNames.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();

    private Task<bool> HostTakenAsync(string host, string? exceptTenantId, CancellationToken cancellationToken) =>
        Hosts.AsNoTracking().AnyAsync(h => h.HostName == host && h.TenantId != exceptTenantId, cancellationToken);

    /// <summary>Brings the tenant's rows in <c>TenantHosts</c> in line with its host list, for the same save.</summary>
    private async Task SyncHostsAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        var stored = db.Entry(record).State == EntityState.Added
            ? []
            : await Hosts.Where(h => h.TenantId == record.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        Hosts.RemoveRange(stored.Where(h => !record.HostNames.Contains(h.HostName, StringComparer.Ordinal)));
        Hosts.AddRange(record.HostNames
            .Where(host => !stored.Any(h => h.HostName == host))
            .Select(host => new TenantHost { HostName = host, TenantId = record.Id }));
    }

    /// <summary>
    /// Saves, and when the database refuses the save because another writer took one of the
    /// tenant's hosts (or its name) after the checks, gives the same messages as the checks and
    /// forgets the unsaved changes. Any other failure is thrown.
    /// </summary>
    private async Task<IReadOnlyList<string>> SaveRefusingClashesAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            var errors = new List<string>();
            if (await Tenants.AsNoTracking().AnyAsync(t => t.Name == record.Name && t.Id != record.Id, cancellationToken).ConfigureAwait(false))
            {
                errors.Add($"Tên miền con '{record.Name}' đã được dùng cho một đơn vị khác. Hãy nhập một tên miền con khác.");
            }

            foreach (var host in record.HostNames)
            {
                if (await HostTakenAsync(host, record.Id, cancellationToken).ConfigureAwait(false))
                {
                    errors.Add(HostTakenMessage(host));
                }
            }

            if (errors.Count == 0)
            {
                throw;
            }

            LogClashRefused(logger, record.Name, ex.InnerException?.Message ?? ex.Message);
            await AuditHostsRefusedAsync(record.Name, errors, cancellationToken).ConfigureAwait(false);
            return errors;
        }
    }

    /// <summary>A refused host change leaves a trace in the acting tenant's trail; nothing else is written.</summary>
    private Task AuditHostsRefusedAsync(string tenantName, IEnumerable<string> errors, CancellationToken cancellationToken) =>
        auditLog.WriteAsync(HostsRefusedAuditAction, tenantName, string.Join(" ", errors), cancellationToken);

    internal static bool IsValidHostName(string host) =>
        host.Length <= 253 &&
        host.Split('.').All(part =>
            (part.Length is > 0 and <= HostLabel.MaxLength && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && part[0] != '-' && part[^1] != '-') ||
            part == "*");

    private TenantRecord NewRecord(string name, string displayName, TenantKind kind, List<string> hosts, string? parentId, string? recipe)
    {
        var now = clock.GetUtcNow();
        return new TenantRecord
        {
            Id = TenantIds.New(),
            Name = name,
            DisplayName = displayName,
            Kind = kind,
            State = TenantState.Running,
            HostNames = hosts,
            ParentId = parentId,
            Recipe = recipe,
            CreatedUtc = now,
            ModifiedUtc = now,
            Version = now.Ticks,
        };
    }

    private void Touch(TenantRecord record)
    {
        var now = clock.GetUtcNow();
        record.ModifiedUtc = now;
        record.Version = Math.Max(record.Version + 1, now.Ticks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Label} created, host {Host}")]
    private static partial void LogTenantCreated(ILogger logger, string label, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Name}: a host or name taken meanwhile was refused by the database: {Reason}")]
    private static partial void LogClashRefused(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant not created: {Reason}")]
    private static partial void LogRecipeRejected(ILogger logger, string reason);
}
