// The bare baseline: the page's bytes from the file named by BASELINE_PAGE, on every path, as
// text/html. Kestrel on ASPNETCORE_URLS, no logging, no other middleware.
var page = await File.ReadAllBytesAsync(Environment.GetEnvironmentVariable("BASELINE_PAGE")
    ?? throw new InvalidOperationException("BASELINE_PAGE names the page file to serve"));

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/{**path}", (HttpContext context) =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    return context.Response.Body.WriteAsync(page).AsTask();
});
await app.RunAsync();
