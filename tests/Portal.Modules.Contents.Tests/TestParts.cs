using System.Collections.Concurrent;
using Portal.Core.Auditing;
using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Tests;

// Parts, indexes and handlers a module would write, used by several tests.

/// <summary>A part with rich text nested in a list, a rich-text field value inside it, and a plain property named Html.</summary>
public sealed class SectionsPart
{
    /// <summary>Plain text that happens to be called Html: not rich text, never sanitised.</summary>
    public string? Html { get; set; }

    public List<Section> Sections { get; set; } = [];
}

public sealed class Section
{
    public string? Heading { get; set; }

    [RichText]
    public string? Intro { get; set; }

    public HtmlField? Content { get; set; }
}

[System.ComponentModel.DisplayName("Văn bản pháp luật")]
public sealed class LegalPart
{
    public string? Number { get; set; }
}

public sealed class LegalIndex : ContentIndexRow
{
    public string Number { get; set; } = "";
}

/// <summary>Counts the versions it maps, so tests can see whether it ran.</summary>
public sealed class LegalIndexProvider(CallLog log) : ContentIndexProvider<LegalIndex>
{
    public override IEnumerable<LegalIndex> Map(ContentItem version)
    {
        log.Add($"LegalIndex:{version.Number}");
        return version.As<LegalPart>()?.Number is { Length: > 0 } number ? [new LegalIndex { Number = number }] : [];
    }
}

public sealed class LegalPartEditor : IContentPartEditor
{
    public IReadOnlyList<ContentPartInput> Inputs { get; } =
    [
        new(nameof(LegalPart.Number), "Số ký hiệu", EditorKind.Text, Required: true) { Hint = "Ví dụ: 01/2026/QĐ-UBND" },
    ];
}

/// <summary>What handlers, providers and sinks did, in order; one per test host.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public void Add(string call) => _calls.Enqueue(call);

    public IReadOnlyList<string> Of(string suffix) => Calls.Where(c => c.EndsWith(suffix, StringComparison.Ordinal)).ToList();
}

/// <summary>Logs each event as "Name:Event".</summary>
public abstract class LoggingHandler(CallLog log, string name) : IContentHandler
{
    public Task CreatingAsync(ContentContext context, CancellationToken cancellationToken) => Log("Creating");

    public Task UpdatingAsync(ContentContext context, CancellationToken cancellationToken) => Log("Updating");

    public virtual Task ValidatingAsync(ValidateContentContext context, CancellationToken cancellationToken) => Log("Validating");

    public virtual Task PublishingAsync(PublishContentContext context, CancellationToken cancellationToken) => Log("Publishing");

    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => Log("Published");

    public Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => Log("Unpublished");

    public Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => Log("Removed");

    public Task RestoredAsync(ContentContext context, CancellationToken cancellationToken) => Log("Restored");

    private Task Log(string lifecycleEvent)
    {
        log.Add($"{name}:{lifecycleEvent}");
        return Task.CompletedTask;
    }
}

public sealed class FirstHandler(CallLog log) : LoggingHandler(log, "First");

public sealed class TitleHandler(CallLog log) : LoggingHandler(log, "Title");

public sealed class LastHandler(CallLog log) : LoggingHandler(log, "Last");

public sealed class LegalHandler(CallLog log) : LoggingHandler(log, "Legal");

/// <summary>The approval rule of a workflow module: nothing titled "Chưa duyệt" is published. Writes an audit entry first.</summary>
public sealed class ApprovalHandler(IAuditLog auditLog) : IContentHandler
{
    public const string Reason = "Bài viết chưa được Trưởng ban biên tập duyệt.";

    public Task CreatingAsync(ContentContext context, CancellationToken cancellationToken)
    {
        auditLog.Add("approval.seen", context.ContentItem.ContentItemId);
        return Task.CompletedTask;
    }

    public Task PublishingAsync(PublishContentContext context, CancellationToken cancellationToken)
    {
        if (context.ContentItem.DisplayText.Contains("Chưa duyệt", StringComparison.Ordinal))
        {
            context.Refuse(Reason);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Editors must give a title.</summary>
public sealed class RequireTitleHandler : IContentHandler
{
    public Task ValidatingAsync(ValidateContentContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.ContentItem.As<TitlePart>()?.Title))
        {
            context.AddError("TitlePart.Title", "Tiêu đề là bắt buộc.");
        }

        return Task.CompletedTask;
    }
}

public sealed class RecordingSink(CallLog log) : IContentEventSink
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        log.Add($"Event:{contentEvent.Kind}");
        return Task.CompletedTask;
    }
}

public sealed class FailingSink : IContentEventSink
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("search index is down");
}

/// <summary>One row per item of every type, removed items included: what an admin list needs.</summary>
public sealed class ItemStatusIndex : ContentIndexRow
{
    public string Status { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>An instant column: stored as UTC like every instant of the content store, so SQL can sort it.</summary>
    public DateTimeOffset ModifiedUtc { get; set; }
}

public sealed class ItemStatusIndexProvider : ContentIndexProvider<ItemStatusIndex>
{
    public override IEnumerable<ItemStatusIndex> MapItem(ContentIndexContext item)
    {
        var shown = item.Latest ?? item.Published ?? item.Newest;
        if (shown is null)
        {
            yield break;
        }

        yield return new ItemStatusIndex
        {
            ContentItemVersionId = shown.ContentItemVersionId,
            Latest = item.Latest is not null,
            Published = item.Published is not null,
            Status = item.IsRemoved ? "removed" : item.Published is not null ? "published" : "draft",
            Title = shown.DisplayText,
            ModifiedUtc = shown.ModifiedUtc.ToOffset(TimeSpan.FromHours(7)),
        };
    }
}
