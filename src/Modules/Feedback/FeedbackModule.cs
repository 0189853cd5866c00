using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Admin;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Themes;
using Portal.Modules.Feedback.Data;
using Portal.Modules.Feedback.Data.Migrations;
using Portal.Modules.Feedback.Services;

namespace Portal.Modules.Feedback;

/// <summary>
/// Visitor feedback (TN Đ12.1.d): "Thông tin này có hữu ích với bạn không?" after every public
/// item page, posted to <c>/phan-hoi</c>; the editors' results per page and month at <c>/admin/feedback</c>.
/// </summary>
public sealed class FeedbackModule : PortalModule
{
    public override string Name => "Feedback";

    public override string DisplayName => "Ý kiến bạn đọc";

    /// <summary>The rules ask every site to let readers rate its information.</summary>
    public override bool IsAlwaysEnabled => true;

    public override IEnumerable<Permission> Permissions => Feedback.Permissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
        [new("Ý kiến bạn đọc", "/admin/feedback", Feedback.Permissions.ViewFeedback.Name, Order: 600)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContributor<FeedbackModel>();
        services.AddModuleMigrations<FeedbackSqliteMigrations, FeedbackPostgresMigrations>();
        services.AddScoped<FeedbackService>();
        services.AddPublicZoneWidget<FeedbackWidget>();
        services.AddPublicZoneWidget<FeedbackHeadWidget>();
        services.AddInlineStylesheet(FeedbackHeadWidget.Stylesheet, order: 100);
    }
}
