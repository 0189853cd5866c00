using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Tenants.Services;
using Portal.Web.CommandLine;

namespace Portal.Integration.Tests;

/// <summary>
/// The operator command line as an operator runs it: <c>dotnet Portal.Web.dll ...</c> in a process
/// of its own, while the server (the fixture) keeps the same database open.
/// </summary>
public abstract class CommandLineTests<TFactory>(TFactory server) : IClassFixture<TFactory>, IDisposable
    where TFactory : PortalAppFactory
{
    private readonly string _shell = Directory.CreateTempSubdirectory("portal-shell-").FullName;

    protected abstract TestDatabase NewDatabase();

    [ProviderFact]
    public async Task Import_WhileTheServerRuns_ReadsTheFileFromTheShellsFolder_AndTheServerServesTheNewSite()
    {
        var label = "sonoivu" + Guid.NewGuid().ToString("N")[..6];
        await File.WriteAllLinesAsync(Path.Combine(_shell, "sites.txt"),
        [
            "# Các đơn vị cần tạo",
            "",
            $"Sở Nội vụ {label};department;{label}",
            "",
            "Sở Không Loại;khongco",
        ]);

        var settings = ServerSettings();
        PortalHosts.ProcessResult result;
        await using (await server.Database.BeginLongReadAsync())
        {
            result = await PortalHosts.RunProcessAsync(settings, _shell, "tenants", "import", "sites.txt");
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{label}: http://{label}.{PortalAppFactory.BaseDomain}:5080  tài khoản admin, mật khẩu: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Đã xử lý 2/2 đơn vị: tạo 1, lỗi 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dòng 5: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.LogLinesInOutput);

        // The server notices within its refresh interval; this is the check its refresher makes.
        await server.Services.GetRequiredService<TenantRegistry>().ReloadAsync(force: false);
        using var client = server.ClientFor($"{label}.{PortalAppFactory.BaseDomain}");
        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Sở Nội vụ {label}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task List_PrintsVietnameseStatesAndKinds_AndTheAddressWithItsPort_AndNoLogLines()
    {
        var result = await PortalHosts.RunProcessAsync(ServerSettings(), _shell, "tenants", "list", "--search", "tai chinh");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("sotaichinh ", StringComparison.Ordinal));
        Assert.Contains("Đang hoạt động", line, StringComparison.Ordinal);
        Assert.Contains("Sở, ban, ngành", line, StringComparison.Ordinal);
        Assert.EndsWith($"http://sotaichinh.{PortalAppFactory.BaseDomain}:5080", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Running", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Department", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.LogLinesInOutput);
    }

    [ProviderFact]
    public async Task AuditVerify_AsAProcess_SaysOk_ThenReportsATamperedRow_WithExitCode1()
    {
        var site = await server.CreateTenantAsync("Sở Kiểm Tra " + Guid.NewGuid().ToString("N")[..6]);

        var intact = await PortalHosts.RunProcessAsync(ServerSettings(), _shell, "audit", "verify", "--tenant", site.Name);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains($"{site.Name}", intact.Output, StringComparison.Ordinal);
        Assert.Contains("chuỗi băm nguyên vẹn", intact.Output, StringComparison.Ordinal);
        Assert.Empty(intact.LogLinesInOutput);

        await server.Database.TamperAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'người khác' WHERE \"TenantId\" = '{site.Id}' AND \"Sequence\" = 1");

        var tampered = await PortalHosts.RunProcessAsync(ServerSettings(), _shell, "audit", "verify", "--tenant", site.Name);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("LỖI tại dòng số 1", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("nội dung dòng đã bị sửa", tampered.Output, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Command_BeforeTheFirstRun_Refuses_AndProvisionsNothing()
    {
        using var database = NewDatabase();

        var result = await PortalHosts.RunProcessAsync(Settings(database), _shell, "tenants", "create", "--name", "Sở Tư pháp", "--kind", "department");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(TenantsCommand.NotSetUp, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(0, await database.CountRowsAsync("Tenants"));
    }

    [ProviderFact]
    public async Task Create_FromTheProvinceRecipe_OrOnAHostOfAnotherSite_IsRefusedInVietnamese_AndCreatesNothing()
    {
        var label = "sotuphap" + Guid.NewGuid().ToString("N")[..6];
        var host = $"{label}.{PortalAppFactory.BaseDomain}";
        var ward = server.Services.GetRequiredService<Portal.Core.Tenancy.ITenantDirectory>().FindByName("phandinhphung")!;
        await server.InTenantAsync(server.Portal(), async sp =>
        {
            var moved = await sp.GetRequiredService<TenantProvisioner>().UpdateHostsAsync(ward.Id, [.. ward.HostNames, host], ward.UrlPrefix);
            Assert.True(moved.Succeeded, string.Join("; ", moved.Errors));
            return moved;
        });

        var province = await PortalHosts.RunProcessAsync(ServerSettings(), _shell,
            "tenants", "create", "--name", "Sở Văn hóa", "--kind", "department", "--label", "sovanhoa" + label[8..], "--recipe", "province-portal");
        var clash = await PortalHosts.RunProcessAsync(ServerSettings(), _shell,
            "tenants", "create", "--name", "Sở Tư pháp", "--kind", "department", "--label", label);

        Assert.Equal(1, province.ExitCode);
        Assert.Contains(TenantsCommand.ProvinceRecipeRefused("province-portal"), province.Error, StringComparison.Ordinal);
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains($"Lỗi: Tên miền '{host}' đã được dùng cho một đơn vị khác.", clash.Error, StringComparison.Ordinal);
        Assert.Equal("", province.Output + clash.Output);
        await server.Services.GetRequiredService<TenantRegistry>().ReloadAsync(force: false);
        var directory = server.Services.GetRequiredService<Portal.Core.Tenancy.ITenantDirectory>();
        Assert.Null(directory.FindByName(label));
        Assert.Null(directory.FindByName("sovanhoa" + label[8..]));
    }

    [ProviderFact]
    public async Task FirstRun_WithAWeakPassword_ExitsNonZero_WithTheRulesInVietnamese_AndNoStackTrace()
    {
        using var database = NewDatabase();
        var settings = Settings(database);
        settings["Portal:Setup:AdminPassword"] = "matkhau";

        var result = await PortalHosts.RunProcessAsync(settings, _shell, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Mật khẩu cần có ít nhất 10 ký tự", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await database.CountRowsAsync("Tenants"));
    }

    /// <summary>The fixture's settings, with the product's log levels (Information), so a log line in the output would show.</summary>
    private Dictionary<string, string?> Settings(TestDatabase database)
    {
        var settings = PortalHosts.Settings(database, _shell);
        settings.Remove("Serilog:MinimumLevel:Default");
        return settings;
    }

    /// <summary>The running server's database, set up by its first run.</summary>
    private Dictionary<string, string?> ServerSettings()
    {
        _ = server.Services;
        return Settings(server.Database);
    }

    public void Dispose()
    {
        Directory.Delete(_shell, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCommandLineTests(SqliteAppFactory server) : CommandLineTests<SqliteAppFactory>(server)
{
    protected override TestDatabase NewDatabase() => new SqliteFileDatabase("portal-cli-");
}

[RequiresPostgres]
public sealed class PostgresCommandLineTests(PostgresAppFactory server) : CommandLineTests<PostgresAppFactory>(server)
{
    protected override TestDatabase NewDatabase() => new PostgresDatabase();
}
