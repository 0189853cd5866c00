using Xunit.Abstractions;
using Xunit.Sdk;

namespace Portal.Integration.Tests;

/// <summary>Marks a test class that runs on the test command's PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A fact of a provider-neutral test class. In a <see cref="RequiresPostgresAttribute"/> class
/// without <c>PORTAL_TEST_POSTGRES</c> it is skipped on a developer's machine; in CI (CI=true)
/// it runs and fails, so the PostgreSQL half is never silently lost.
/// </summary>
[XunitTestCaseDiscoverer("Portal.Integration.Tests.ProviderFactDiscoverer", "Portal.Integration.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        var skip = needsPostgres && PostgresAppFactory.AdminConnectionString is null && !IsCi()
            ? "PORTAL_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL."
            : null;
        yield return new ProviderTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }

    private static bool IsCi() => Environment.GetEnvironmentVariable("CI") is "true" or "1" or "True" or "TRUE";
}

public sealed class ProviderTestCase : XunitTestCase
{
    private string? _skip;

    [Obsolete("For deserialization only.")]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string? skip)
        : base(sink, display, options, method) => _skip = skip;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _skip ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("ProviderSkip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _skip = data.GetValue<string?>("ProviderSkip");
        base.Deserialize(data);
    }
}
