using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Testing;

namespace Portal.Core.Tests;

public sealed class TypedRecipeStepTests
{
    private const string GoodGrant = """{"name":"grant","roles":[{"name":"Biên tập viên","permissions":["EditNews","*"]}],"modules":["news"]}""";

    [Fact]
    public void UnknownMember_IsRefused_AtItsPath_NamingTheValidMembers()
    {
        var error = Validate("""{"name":"count"}""", """{"name":"grant","roles":[{"name":"A","permissions":["EditNews"],"levle":2}]}""");

        var reason = Assert.Single(error.Errors);
        Assert.Equal((2, "$.steps[1].roles[0].levle"), (reason.Step, reason.Path));
        Assert.Equal("bước 2 'grant' tại $.steps[1].roles[0].levle: thuộc tính \"levle\" không được hỗ trợ (các thuộc tính hợp lệ: name, permissions, level, kind)", reason.UserMessage);
        Assert.Equal("step 2 'grant' at $.steps[1].roles[0].levle: unknown member \"levle\" (expected: name, permissions, level, kind)", reason.Message);
    }

    [Fact]
    public void UnknownMemberOfTheStepItself_IsRefused()
    {
        var reason = Assert.Single(Validate("""{"name":"grant","roles":[],"role":[]}""").Errors);
        Assert.Equal("bước 1 'grant' tại $.steps[0].role: thuộc tính \"role\" không được hỗ trợ (các thuộc tính hợp lệ: roles, modules)", reason.UserMessage);
    }

    [Theory]
    [InlineData("""{"name":"A","permissions":"EditNews"}""", "$.steps[0].roles[0].permissions", "phải là một danh sách", "must be a list")]
    [InlineData("""{"name":"A","permissions":[3]}""", "$.steps[0].roles[0].permissions[0]", "phải là một chuỗi", "must be a string")]
    [InlineData("""{"name":"A","permissions":[null]}""", "$.steps[0].roles[0].permissions[0]", "không được là null", "must not be null")]
    [InlineData("""{"name":7,"permissions":[]}""", "$.steps[0].roles[0].name", "phải là một chuỗi", "must be a string")]
    [InlineData("""{"name":"A","permissions":[],"level":"3"}""", "$.steps[0].roles[0].level", "phải là một số", "must be a number")]
    [InlineData("""{"name":"A","permissions":[],"level":1.5}""", "$.steps[0].roles[0].level", "phải là một số nguyên", "must be a whole number")]
    [InlineData("""{"name":"A","permissions":[],"kind":"boss"}""", "$.steps[0].roles[0].kind", "giá trị 'boss' không hợp lệ (chọn một trong: editor, publisher)", "'boss' is not one of: editor, publisher")]
    [InlineData("""{"name":"A","permissions":[],"kind":1}""", "$.steps[0].roles[0].kind", "phải là một chuỗi", "must be a string")]
    [InlineData("""{"name":" ","permissions":[]}""", "$.steps[0].roles[0].name", "không được để trống", "must not be empty")]
    [InlineData("""{"name":null,"permissions":[]}""", "$.steps[0].roles[0].name", "không được là null", "must not be null")]
    [InlineData("""{"permissions":[]}""", "$.steps[0].roles[0].name", "thiếu \"name\"", "\"name\" is required")]
    [InlineData("""{"name":"A"}""", "$.steps[0].roles[0].permissions", "thiếu \"permissions\"", "\"permissions\" is required")]
    [InlineData("""[]""", "$.steps[0].roles[0]", "phải là một đối tượng JSON", "must be an object")]
    public void WrongShape_IsRefused_WithTheExactPathAndMessage(string role, string path, string vietnamese, string english)
    {
        var reason = Assert.Single(Validate($$"""{"name":"grant","roles":[{{role}}]}""").Errors);

        Assert.Equal(path, reason.Path);
        Assert.Equal($"bước 1 'grant' tại {path}: {vietnamese}", reason.UserMessage);
        Assert.Equal($"step 1 'grant' at {path}: {english}", reason.Message);
    }

    [Fact]
    public void UnknownPermission_IsRefused_NamingTheDeclaredOnes()
    {
        var error = Validate("""{"name":"count"}""", """{"name":"count"}""", """{"name":"grant","roles":[{"name":"A","permissions":["EditNews","EditNew"]}]}""");

        var reason = Assert.Single(error.Errors);
        Assert.Equal((3, "$.steps[2].roles[0].permissions[1]"), (reason.Step, reason.Path));
        Assert.Equal("bước 3 'grant' tại $.steps[2].roles[0].permissions[1]: quyền 'EditNew' không tồn tại (các giá trị hợp lệ: EditNews, PublishNews, AccessAdmin, *)", reason.UserMessage);
        Assert.Equal("step 3 'grant' at $.steps[2].roles[0].permissions[1]: unknown permission 'EditNew' (known: EditNews, PublishNews, AccessAdmin, *)", reason.Message);
    }

    [Fact]
    public void UnknownModule_IsRefused_NamingTheValidOnes()
    {
        var reason = Assert.Single(Validate("""{"name":"grant","roles":[],"modules":["News","Newz"]}""").Errors);

        Assert.Equal("$.steps[0].modules[1]", reason.Path);
        Assert.Equal("bước 1 'grant' tại $.steps[0].modules[1]: mô-đun 'Newz' không tồn tại (các giá trị hợp lệ: News, Platform)", reason.UserMessage);
    }

    [Fact]
    public void NameListedTwice_IsRefusedAtTheSecond()
    {
        var reason = Assert.Single(Validate("""{"name":"grant","roles":[{"name":"A","permissions":[]},{"name":"B","permissions":[]},{"name":"A ","permissions":[]}]}""").Errors);

        Assert.Equal("bước 1 'grant' tại $.steps[0].roles[2].name: 'A' bị khai báo hai lần", reason.UserMessage);
    }

    [Fact]
    public void EveryErrorOfEveryStep_IsReported_NotOnlyTheFirst()
    {
        var error = Validate(
            """{"name":"grant","roles":[{"name":"A","permissions":[1],"extra":true},{}]}""",
            """{"name":"count","text":5}""");

        Assert.Equal(
            ["$.steps[0].roles[0].permissions[0]", "$.steps[0].roles[0].extra", "$.steps[0].roles[1].name", "$.steps[0].roles[1].permissions", "$.steps[1].text"],
            error.Errors.Select(e => e.Path));
        Assert.Equal([1, 1, 1, 1, 2], error.Errors.Select(e => e.Step));
    }

    [Fact]
    public void ShapeErrors_SkipTheStepsOwnChecks()
    {
        // The body could not be read, so no unknown-permission error is added on top of the shape error.
        var reason = Assert.Single(Validate("""{"name":"grant","roles":[{"name":"A","permissions":["Nope"],"level":"x"}]}""").Errors);
        Assert.Equal("$.steps[0].roles[0].level", reason.Path);
    }

    [Fact]
    public async Task BadStepAnywhere_RunsNoStepAtAll()
    {
        var (executor, count, grant) = Executor();
        var recipe = RecipeParser.Parse($$"""{"name":"x","steps":[{"name":"count"},{{GoodGrant}},{"name":"count","text":"ok"},{"name":"grant","roles":[{"name":"A","permissions":["Sai"]}]}]}""", "x");

        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("a")));

        Assert.Equal(4, Assert.Single(error.Errors).Step);
        Assert.Equal((0, 0), (count.Runs, grant.Runs));
    }

    [Fact]
    public async Task GoodRecipe_ReachesTheStepsAsTypedBodies_WithVariablesExpanded()
    {
        var (executor, count, grant) = Executor();
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[""" + GoodGrant + """,{"name":"count","text":"{{tenant.name}}"}]}""", "x");

        await executor.ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("sotaichinh"));

        Assert.Equal((1, "sotaichinh"), (count.Runs, count.LastText));
        var role = Assert.Single(grant.Last!.Roles);
        Assert.Equal("Biên tập viên", role.Name);
        Assert.Equal(["EditNews", "*"], role.Permissions);
        Assert.Equal((null, GrantStep.RoleKind.Editor), (role.Level, role.Kind));
        Assert.Equal(["news"], grant.Last.Modules);
    }

    private static RecipeException Validate(params string[] steps)
    {
        var (executor, _, _) = Executor();
        var recipe = RecipeParser.Parse($$"""{"name":"x","steps":[{{string.Join(",", steps)}}]}""", "x.recipe.json");
        return Assert.Throws<RecipeException>(() => executor.Validate(recipe, SqliteTestDatabase.NewTenant("a")));
    }

    private static (RecipeExecutor Executor, CountingStep Count, GrantStep Grant) Executor()
    {
        var services = new ServiceCollection();
        services.AddScoped<CurrentTenant>();
        var provider = services.BuildServiceProvider();
        var (count, grant) = (new CountingStep(), new GrantStep());
        var catalog = new ModuleCatalog([new NewsModule(), new PlatformModule()]);
        var executor = new RecipeExecutor([count, grant], catalog, new TenantScopeFactory(provider.GetRequiredService<IServiceScopeFactory>()), NullLogger<RecipeExecutor>.Instance);
        return (executor, count, grant);
    }

    private sealed class GrantStep : RecipeStep<GrantStep.Body>
    {
        public enum RoleKind { Editor, Publisher }

        public sealed record Body(IReadOnlyList<Role> Roles, IReadOnlyList<string>? Modules = null);

        public sealed record Role(string Name, IReadOnlyList<string> Permissions, int? Level = null, RoleKind Kind = RoleKind.Editor);

        public Body? Last { get; private set; }
        public int Runs { get; private set; }
        public override string Name => "grant";

        protected override void Validate(Body body, RecipeValidationContext context)
        {
            context.RequireUnique("roles", body.Roles, r => r.Name, "name", StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < body.Roles.Count; i++)
            {
                context.RequirePermissions($"roles[{i}].permissions", body.Roles[i].Permissions);
            }

            context.RequireModules("modules", body.Modules);
        }

        protected override Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
        {
            (Runs, Last) = (Runs + 1, body);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingStep : RecipeStep<CountingStep.Body>
    {
        public sealed record Body(string? Text = null);

        public int Runs { get; private set; }
        public string? LastText { get; private set; }
        public override string Name => "count";

        protected override Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
        {
            (Runs, LastText) = (Runs + 1, body.Text);
            return Task.CompletedTask;
        }
    }

    private sealed class NewsModule : PortalModule
    {
        public override string Name => "News";
        public override string DisplayName => "Tin tức";
        public override IEnumerable<Permission> Permissions => [new("EditNews", "Soạn tin", "Tin tức"), new("PublishNews", "Đăng tin", "Tin tức")];
    }

    private sealed class PlatformModule : PortalModule
    {
        public override string Name => "Platform";
        public override string DisplayName => "Nền tảng";
        public override IEnumerable<Permission> Permissions => [new("AccessAdmin", "Truy cập trang quản trị", "Hệ thống")];
    }
}
