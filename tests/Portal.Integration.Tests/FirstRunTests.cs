using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;
using Portal.Modules.Users.Models;
using Portal.Web.CommandLine;
using Portal.Web.Hosting;
using Portal.Web.Setup;

namespace Portal.Integration.Tests;

/// <summary>
/// The first run is all or nothing: refused before any write when the password or a recipe is
/// wrong, undone when it fails half-way, and undone then redone when a start was cut off.
/// Each test has a fresh database of its own.
/// </summary>
public abstract class FirstRunTests : IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("portal-first-run-").FullName;
    private readonly List<string> _folders = [];

    protected abstract TestDatabase NewDatabase();

    [ProviderFact]
    public async Task WeakAdminPassword_IsRefusedWithTheRulesInVietnamese_AndNothingIsWritten()
    {
        using var database = NewDatabase();
        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files, new Dictionary<string, string?> { ["Portal:Setup:AdminPassword"] = "matkhau" })))
        {
            var error = await Assert.ThrowsAsync<SetupException>(app.InitializePortalAsync);
            Assert.Contains("Portal__Setup__AdminPassword", error.Message, StringComparison.Ordinal);
            Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", error.Message, StringComparison.Ordinal);
            Assert.Contains("Mật khẩu cần có ít nhất 10 ký tự, một chữ hoa (A-Z), một chữ thường (a-z) và một chữ số (0-9).", error.Message, StringComparison.Ordinal);
            await AssertEmptyAsync(app, database);
        }

        // Nothing was half-made, so the next start with a good password sets the portal up.
        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files)))
        {
            Assert.True((await app.InitializePortalAsync()).Ran);
            await AssertCompleteAsync(app, PortalAppFactory.AdminPassword);
        }
    }

    [ProviderFact]
    public async Task FailureHalfWay_IsUndone_AndTheNextStartSetsUpAfresh()
    {
        using var database = NewDatabase();
        // The province portal claims the last demo site's host: only running the recipes finds the clash.
        var recipes = RecipesWhere("province-portal", recipe =>
            recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "tenant")!["hosts"]!.AsArray().Add("trungtamthongtin.{{baseDomain}}"));
        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files, new Dictionary<string, string?> { ["Portal:RecipesPath"] = recipes })))
        {
            var error = await Assert.ThrowsAsync<SetupException>(app.InitializePortalAsync);
            Assert.Contains("trungtamthongtin.thainguyen.localhost", error.Message, StringComparison.Ordinal);
            Assert.Contains("Không có gì được ghi vào cơ sở dữ liệu.", error.Message, StringComparison.Ordinal);
            await AssertEmptyAsync(app, database);
        }

        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files)))
        {
            Assert.True((await app.InitializePortalAsync()).Ran);
            await AssertCompleteAsync(app, PortalAppFactory.AdminPassword);
        }
    }

    [ProviderFact]
    public async Task StartCutOffDuringTheFirstRun_IsNotTakenAsSetUp_TheCommandRefuses_AndTheNextStartRedoesIt()
    {
        using var database = NewDatabase();
        const string LostPassword = "Mat-Khau-Bi-Mat-2026";
        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files), commandLine: true))
        {
            // What a first run leaves when the process dies after the province recipe: Default, unfinished.
            await app.InitializeForCommandAsync();
            TenantDescriptor portal;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                portal = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().EnsureDefaultAsync(FirstRunSetup.PortalDisplayName, TenantState.Disabled);
            }

            var run = new RecipeRun();
            run.Variables[TenantProvisioner.AdminPasswordVariable] = LostPassword;
            run.Variables["baseDomain"] = PortalAppFactory.BaseDomain;
            await app.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(app.Services.GetRequiredService<IRecipeStore>().Find("province-portal")!, portal, run);

            using var output = new StringWriter();
            using var errors = new StringWriter();
            Assert.Equal(1, await TenantsCommand.RunAsync(app.Services, ["create", "--name", "Sở Tư pháp", "--kind", "department"], new CommandConsole(output, errors, _files)));
            Assert.Contains(TenantsCommand.NotSetUp, errors.ToString(), StringComparison.Ordinal);
            Assert.Equal("", output.ToString());
        }

        // No password configured: the next start generates one, and it is the one that signs in.
        await using (var app = PortalHosts.Build(PortalHosts.Settings(database, _files, new Dictionary<string, string?> { ["Portal:Setup:AdminPassword"] = "" })))
        {
            var setup = await app.InitializePortalAsync();
            Assert.True(setup.Ran);
            Assert.NotNull(setup.GeneratedPassword);
            await AssertCompleteAsync(app, setup.GeneratedPassword);
            Assert.False(await AdminPasswordIsAsync(app, LostPassword));
        }
    }

    /// <summary>No tenant, and no row of any tenant-owned table but the (insert-only) audit trail, read past every filter.</summary>
    private static async Task AssertEmptyAsync(WebApplication app, TestDatabase database)
    {
        Assert.Equal(0, await database.CountRowsAsync("Tenants"));
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var tables = UnfinishedSetupRemover.TenantOwnedTablesDependentsFirst(model).Except(UnfinishedSetupRemover.AuditTables(model)).ToList();
        Assert.Contains("Users", tables);
        foreach (var table in tables)
        {
            Assert.True(await database.CountRowsAsync(table) == 0, $"{table} still has rows");
        }
    }

    private static async Task AssertCompleteAsync(WebApplication app, string adminPassword)
    {
        var directory = app.Services.GetRequiredService<ITenantDirectory>();
        var portal = directory.FindByName(TenantDescriptor.DefaultName);
        Assert.True(FirstRunSetup.IsComplete(portal));
        Assert.Equal(7, directory.All.Count);
        Assert.All(directory.All, t => Assert.Equal(TenantState.Running, t.State));
        Assert.True(await AdminPasswordIsAsync(app, adminPassword));

        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal!);
        Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AnyAsync(e => e.Action == FirstRunSetup.CompletedAuditAction));
    }

    private static async Task<bool> AdminPasswordIsAsync(WebApplication app, string password)
    {
        var portal = app.Services.GetRequiredService<ITenantDirectory>().FindByName(TenantDescriptor.DefaultName)!;
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByNameAsync(FirstRunSetup.AdminUserName);
        return admin is not null && await users.CheckPasswordAsync(admin, password);
    }

    /// <summary>A copy of the product's recipes with one of them changed.</summary>
    private string RecipesWhere(string name, Action<JsonNode> change)
    {
        var folder = Directory.CreateTempSubdirectory("portal-recipes-").FullName;
        _folders.Add(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "recipes"), "*.recipe.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var path = Path.Combine(folder, name + ".recipe.json");
        var recipe = JsonNode.Parse(File.ReadAllText(path))!;
        change(recipe);
        File.WriteAllText(path, recipe.ToJsonString());
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Append(_files))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFirstRunTests : FirstRunTests
{
    protected override TestDatabase NewDatabase() => new SqliteFileDatabase("portal-first-run-");
}

[RequiresPostgres]
public sealed class PostgresFirstRunTests : FirstRunTests
{
    protected override TestDatabase NewDatabase() => new PostgresDatabase();
}
