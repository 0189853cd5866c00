using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

public sealed class ContentHandlerTests
{
    [Fact]
    public async Task Handlers_RunInRegistrationOrder_AndOnlyForTypesWithTheirPart()
    {
        using var host = new ContentsTestHost(services =>
        {
            services.AddSingleton<CallLog>();
            services.AddContentHandler<FirstHandler>();
            services.AddContentPart<TitlePart>().AddHandler<TitleHandler>();
            services.AddContentPart<LegalPart>().AddHandler<LegalHandler>();
            services.AddContentHandler<LastHandler>();
            services.AddContentEventSink<RecordingSink>();
        });
        var tenant = ContentsTestHost.NewTenant();
        var log = host.Services.GetRequiredService<CallLog>();

        await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        Assert.Equal(
            [
                "First:Creating", "Title:Creating", "Last:Creating",
                "First:Validating", "Title:Validating", "Last:Validating",
                "First:Publishing", "Title:Publishing", "Last:Publishing",
                "First:Published", "Title:Published", "Last:Published",
                "Event:Created", "Event:Published",
            ],
            log.Calls);
    }

    [Fact]
    public async Task UnpublishRemoveAndRestore_ReachTheHandlers_ThenTheSinks()
    {
        using var host = new ContentsTestHost(services =>
        {
            services.AddSingleton<CallLog>();
            services.AddContentHandler<FirstHandler>();
            services.AddContentEventSink<RecordingSink>();
        });
        var tenant = ContentsTestHost.NewTenant();
        var log = host.Services.GetRequiredService<CallLog>();
        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        var before = log.Calls.Count;

        await host.RunAsync(tenant, contents => contents.UnpublishAsync(page.ContentItemId));
        await host.RunAsync(tenant, contents => contents.RemoveAsync(page.ContentItemId));
        await host.RunAsync(tenant, contents => contents.RestoreRemovedAsync(page.ContentItemId));

        Assert.Equal(
            ["First:Unpublished", "Event:Unpublished", "First:Removed", "Event:Removed", "First:Restored", "Event:Restored"],
            log.Calls.Skip(before));
    }

    [Fact]
    public async Task PublishingRefused_OnCreate_SavesNothingAndRaisesNothing()
    {
        using var host = new ContentsTestHost(services =>
        {
            services.AddSingleton<CallLog>();
            services.AddContentHandler<ApprovalHandler>();
            services.AddContentEventSink<RecordingSink>();
        });
        var tenant = ContentsTestHost.NewTenant();

        var refused = await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
            host.CreatePageAsync(tenant, "Chưa duyệt: tin mới", "tin-moi", publish: true));

        Assert.Equal(ApprovalHandler.Reason, refused.Reason);
        Assert.Equal(ApprovalHandler.Reason, refused.UserMessage);
        Assert.Empty(host.Rows<ContentItem>(tenant));
        Assert.Empty(host.Rows<RouteIndex>(tenant));
        Assert.DoesNotContain(host.Rows<AuditEntry>(tenant), a => a.Action.StartsWith("content.", StringComparison.Ordinal) || a.Action == "approval.seen");
        Assert.Empty(host.Services.GetRequiredService<CallLog>().Calls);
    }

    [Fact]
    public async Task PublishingRefused_OnUpdateOrPublish_LeavesThePublishedVersionAndNoHalfSave()
    {
        using var host = new ContentsTestHost(services => services.AddContentHandler<ApprovalHandler>());
        var tenant = ContentsTestHost.NewTenant();
        var v1 = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        v1.DisplayText = "Chưa duyệt: bản sửa";
        v1.Apply(new RoutePart { Path = "gioi-thieu-moi" });

        await Assert.ThrowsAsync<ContentPublishRefusedException>(() => host.RunAsync(tenant, contents => contents.UpdateAsync(v1, publish: true)));

        var row = Assert.Single(host.Rows<ContentItem>(tenant));
        Assert.True(row.Published && row.Latest);
        Assert.Equal("gioi-thieu", Assert.Single(host.Rows<RouteIndex>(tenant)).Path);

        // The same edit as a draft is fine; publishing it is refused and the old version stays on line.
        var draft = await host.RunAsync(tenant, contents => contents.SaveDraftAsync(v1));
        await Assert.ThrowsAsync<ContentPublishRefusedException>(() => host.RunAsync(tenant, contents => contents.PublishAsync(draft.ContentItemId)));

        var rows = host.Rows<ContentItem>(tenant).OrderBy(r => r.Number).ToList();
        Assert.Equal([true, false], rows.Select(r => r.Published));
        Assert.Equal([false, true], rows.Select(r => r.Latest));
        Assert.Equal(["gioi-thieu", "gioi-thieu-moi"], host.Rows<RouteIndex>(tenant).OrderBy(r => r.Path).Select(r => r.Path));
        Assert.Equal([true, false], host.Rows<RouteIndex>(tenant).OrderBy(r => r.Path).Select(r => r.Published));
    }

    [Fact]
    public async Task Refusal_InAScope_DoesNotLeakIntoTheScopesNextSave()
    {
        using var host = new ContentsTestHost(services => services.AddContentHandler<ApprovalHandler>());
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(TitlePart), nameof(BodyPart), nameof(RoutePart));

        await using (var scope = host.Scope(tenant))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var refused = await contents.NewAsync("Page");
            refused.DisplayText = "Chưa duyệt";
            refused.Data = ContentsTestHost.PageData("Chưa duyệt", "chua-duyet");
            await Assert.ThrowsAsync<ContentPublishRefusedException>(() => contents.CreateAsync(refused, publish: true));

            var accepted = await contents.NewAsync("Page");
            accepted.DisplayText = "Đã duyệt";
            accepted.Data = ContentsTestHost.PageData("Đã duyệt", "da-duyet");
            await contents.CreateAsync(accepted, publish: true);
        }

        Assert.Equal(["Đã duyệt"], host.Rows<ContentItem>(tenant).Select(r => r.DisplayText));
        Assert.Equal(["da-duyet"], host.Rows<RouteIndex>(tenant).Select(r => r.Path));
        Assert.Single(host.Rows<AuditEntry>(tenant), a => a.Action == "approval.seen");
    }

    [Fact]
    public async Task ValidatingHandler_ErrorsGoBackWithPathAndMessage()
    {
        using var host = new ContentsTestHost(services => services.AddContentPart<TitlePart>().AddHandler<RequireTitleHandler>());
        var tenant = ContentsTestHost.NewTenant();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.CreatePageAsync(tenant, "", "", publish: false));

        Assert.Equal(new ContentValidationError("TitlePart.Title", "Tiêu đề là bắt buộc."), Assert.Single(error.Errors));
        Assert.Empty(host.Rows<ContentItem>(tenant));
    }

    [Fact]
    public async Task EventSinks_AreNotCalledWhenTheSaveFails_AndTheirFailuresDoNotUndoASave()
    {
        using var host = new ContentsTestHost(services =>
        {
            services.AddSingleton<CallLog>();
            services.AddContentEventSink<FailingSink>();
            services.AddContentEventSink<RecordingSink>();
        });
        var tenant = ContentsTestHost.NewTenant();
        var log = host.Services.GetRequiredService<CallLog>();
        await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);
        Assert.Equal(["Event:Created", "Event:Published"], log.Calls);

        // A second published page on the same path fails in the database, after the handlers ran.
        await Assert.ThrowsAsync<DbUpdateException>(() => host.CreatePageAsync(tenant, "Trùng", "gioi-thieu", publish: true));

        Assert.Equal(["Event:Created", "Event:Published"], log.Calls);
        Assert.Single(host.Rows<ContentItem>(tenant));
    }

    [Fact]
    public async Task AHandlersWrites_JoinTheVersionsTransaction()
    {
        using var host = new ContentsTestHost(services => services.AddContentHandler<ApprovalHandler>());
        var tenant = ContentsTestHost.NewTenant();

        var page = await host.CreatePageAsync(tenant, "Giới thiệu", "gioi-thieu", publish: true);

        var seen = Assert.Single(host.Rows<AuditEntry>(tenant), a => a.Action == "approval.seen");
        Assert.Equal(page.ContentItemId, seen.Subject);
    }

    [Fact]
    public async Task Manager_RefusesToRunInsideAnotherTransaction()
    {
        using var host = new ContentsTestHost();
        var tenant = ContentsTestHost.NewTenant();
        await host.DefineTypeAsync(tenant, "Page", nameof(TitlePart));

        await using var scope = host.Scope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Page");
        item.Data = new JsonObject { [nameof(TitlePart)] = new JsonObject { ["Title"] = "A" } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => contents.CreateAsync(item, publish: false));
    }
}
