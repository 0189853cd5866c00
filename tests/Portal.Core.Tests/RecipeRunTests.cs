using Portal.Core.Recipes;

namespace Portal.Core.Tests;

/// <summary>A site a recipe creates never inherits the administrator password of the site running it (issue 7, finding 4).</summary>
public sealed class RecipeRunTests
{
    [Fact]
    public void ForNewSite_DropsTheAdminPassword_KeepsTheOtherVariables_AndSharesWhatIsHandedOver()
    {
        var run = new RecipeRun();
        run.Variables[RecipeRun.AdminPasswordVariable] = "Mat-Khau-Tinh-2026";
        run.Variables["baseDomain"] = "thainguyen.localhost";
        run.Recipes.Push("demo");

        var site = run.ForNewSite();

        Assert.False(site.Variables.ContainsKey(RecipeRun.AdminPasswordVariable));
        Assert.Equal("thainguyen.localhost", site.Variables["baseDomain"]);
        Assert.Same(run.Recipes, site.Recipes);
        Assert.Same(run.GeneratedPasswords, site.GeneratedPasswords);
        Assert.Same(run.IssuedPasswords, site.IssuedPasswords);
    }

    [Fact]
    public void ForNewSite_KeepsTheAdminPassword_OnlyWhenTheOperatorAskedForOneShared()
    {
        var run = new RecipeRun { SitesShareAdminPassword = true };
        run.Variables[RecipeRun.AdminPasswordVariable] = "Mat-Khau-Chon-2026";

        Assert.Equal("Mat-Khau-Chon-2026", run.ForNewSite().Variables[RecipeRun.AdminPasswordVariable]);
    }
}
