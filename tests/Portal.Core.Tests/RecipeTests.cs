using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Testing;

namespace Portal.Core.Tests;

public sealed class RecipeTests
{
    [Theory]
    [InlineData("{ \"name\": \"x\", \"steps\": [ }")]
    [InlineData("not json")]
    [InlineData("{ \"name\": \"x\", \"steps\": [], }")]
    public void Parse_InvalidJson_SaysWhereInVietnamese(string json)
    {
        var error = Assert.Throws<RecipeException>(() => RecipeParser.Parse(json, "bad.recipe.json"));
        Assert.Contains("JSON sai cú pháp ở dòng", error.UserMessage, StringComparison.Ordinal);
        Assert.Contains("invalid JSON at line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-02", "49", "2026-W49", "2026-11-30", "30/11/2026", "04/12/2026", "2026-W50", "07/12/2026")]
    [InlineData("2026-12-31", "53", "2026-W53", "2026-12-28", "28/12/2026", "01/01/2027", "2027-W01", "04/01/2027")]
    [InlineData("2026-11-29", "48", "2026-W48", "2026-11-23", "23/11/2026", "27/11/2026", "2026-W49", "30/11/2026")]
    public void WeekVariables_NameThisIsoWeekAndTheNext(string today, string number, string iso, string start, string monday, string friday, string nextIso, string nextMonday)
    {
        var variables = new Dictionary<string, string>();

        RecipeExecutor.AddWeekVariables(variables, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(
            (number, iso, start, monday, friday, nextIso, nextMonday),
            (variables["week.0.number"], variables["week.0.iso"], variables["week.0.start"], variables["week.0.mon"], variables["week.0.fri"], variables["week.1.iso"], variables["week.1.mon"]));
    }

    [Fact]
    public void Parse_MissingNameAndSteps_ListsBothErrors()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeParser.Parse("{}", "empty.recipe.json"));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Parse_StepWithoutName_IsRejected()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeParser.Parse("""{"name":"x","steps":[{"name":"a"},{"other":1}]}""", "x"));
        var reason = Assert.Single(error.Errors);
        Assert.Equal((2, "$.steps[1].name"), (reason.Step, reason.Path));
        Assert.Equal("bước 2 tại $.steps[1].name: thiếu tên bước (\"name\")", reason.UserMessage);
    }

    [Fact]
    public async Task Execute_UnknownStep_RunsNoStepAtAll()
    {
        var counting = new CountingStep();
        var executor = Executor(counting);
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"count"},{"name":"missing"}]}""", "x");

        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("a")));

        var reason = Assert.Single(error.Errors);
        Assert.Equal("bước 2 'missing' tại $.steps[1].name: tên bước 'missing' không được hỗ trợ (các bước hiện có: count)", reason.UserMessage);
        Assert.Equal("step 2 'missing' at $.steps[1].name: step 'missing' is unknown (known: count)", reason.Message);
        Assert.Equal(0, counting.Runs);
    }

    [Fact]
    public async Task Execute_InvalidStepBody_RunsNoStepAtAll()
    {
        var counting = new CountingStep();
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"count"},{"name":"count","fail":true}]}""", "x");

        await Assert.ThrowsAsync<RecipeException>(() => Executor(counting).ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("a")));

        Assert.Equal(0, counting.Runs);
    }

    [Fact]
    public async Task Execute_ExpandsVariables_WithJsonEscaping()
    {
        var counting = new CountingStep();
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"count","text":"{{tenant.displayName}} / {{secret}} / {{unknown}}"}]}""", "x");
        var run = new RecipeRun();
        run.Variables["secret"] = "a\"b\\c";
        var tenant = SqliteTestDatabase.NewTenant("a") with { DisplayName = "Sở Tài chính" };

        await Executor(counting).ExecuteAsync(recipe, tenant, run);

        Assert.Equal("Sở Tài chính / a\"b\\c / {{unknown}}", counting.LastText);
    }

    [Fact]
    public async Task Execute_AVariablePublishedByAStep_ReachesTheLaterSteps()
    {
        var counting = new CountingStep { Publish = ("media.anh-bia.jpg", "/media/0a1b.jpg") };
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[{"name":"count","text":"{{media.anh-bia.jpg}}"},{"name":"count","text":"<img src=\"{{media.anh-bia.jpg}}\">"}]}""", "x");

        await Executor(counting).ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("a"));

        Assert.Equal(["{{media.anh-bia.jpg}}", "<img src=\"/media/0a1b.jpg\">"], counting.Texts);
    }

    [Fact]
    public async Task Execute_RecipeThatStartsItself_IsRefused()
    {
        var recipe = RecipeParser.Parse("""{"name":"x","steps":[]}""", "x");
        var run = new RecipeRun();
        run.Recipes.Push("x");
        await Assert.ThrowsAsync<RecipeException>(() => Executor(new CountingStep()).ExecuteAsync(recipe, SqliteTestDatabase.NewTenant("a"), run));
    }

    private static RecipeExecutor Executor(IRecipeStep step)
    {
        var services = new ServiceCollection();
        services.AddScoped<CurrentTenant>();
        var provider = services.BuildServiceProvider();
        return new RecipeExecutor([step], new ModuleCatalog([]), new TenantScopeFactory(provider.GetRequiredService<IServiceScopeFactory>()), NullLogger<RecipeExecutor>.Instance);
    }

    private sealed class CountingStep : RecipeStep<CountingStep.Body>
    {
        public sealed record Body(bool Fail = false, string? Text = null);

        public int Runs { get; private set; }
        public List<string?> Texts { get; } = [];
        public string? LastText => Texts.LastOrDefault();

        /// <summary>A variable the step publishes to the later steps of its run.</summary>
        public (string Name, string Value)? Publish { get; init; }
        public override string Name => "count";

        protected override void Validate(Body body, RecipeValidationContext context)
        {
            if (body.Fail)
            {
                context.Error("fail", "asked to fail", "yêu cầu lỗi");
            }
        }

        protected override Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
        {
            Runs++;
            Texts.Add(body.Text);
            if (Publish is { } variable)
            {
                context.Run.Variables[variable.Name] = variable.Value;
            }

            return Task.CompletedTask;
        }
    }
}
