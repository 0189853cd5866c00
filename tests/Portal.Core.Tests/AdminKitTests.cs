using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Portal.Core.Admin;
using Portal.Core.Web;

namespace Portal.Core.Tests;

public sealed class AdminKitTests
{
    private sealed class KindQuery : ListQuery
    {
        public string? Kind { get; set; }

        protected override void AddFilters(RouteValueDictionary values)
        {
            if (Kind is not null)
            {
                values["kind"] = Kind;
            }
        }
    }

    [Fact]
    public void ListQuery_RouteValues_KeepSearchAndFilters_AndLeavePageOneOut()
    {
        var query = new KindQuery { Search = "  tai chinh ", Kind = "Department", Page = 3 };
        var second = query.ToRouteValues(2);
        Assert.Equal("tai chinh", second[ListQuery.SearchKey]);
        Assert.Equal("Department", second["kind"]);
        Assert.Equal(2, second[ListQuery.PageKey]);
        Assert.False(query.ToRouteValues(1).ContainsKey(ListQuery.PageKey));
        Assert.Empty(new ListQuery { Search = "   " }.ToRouteValues(1));
        Assert.Equal(ListQuery.MaxSearchLength, new ListQuery { Search = new string('x', 500) }.SearchText!.Length);
    }

    [Fact]
    public void Paging_PastTheLastPage_ShowsTheLast()
    {
        var page = Enumerable.Range(1, 45).ToList().ToPagedResult(9, pageSize: 20);
        Assert.Equal(3, page.Page);
        Assert.Equal([41, 42, 43, 44, 45], page.Items);
        Assert.True(page.HasPrevious);
        Assert.False(page.HasNext);
        Assert.Equal(["41"], page.Map(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Items.Take(1));
    }

    [Fact]
    public void StatusMessages_AreKeptUntilShown_ThenGone()
    {
        var tempData = new TempDataDictionary(new DefaultHttpContext(), new MemoryTempDataProvider());
        tempData.AddSuccess("Đã lưu.");
        tempData.AddErrors(["Lỗi một.", "Lỗi hai."]);
        Assert.Equal(["Đã lưu."], tempData.Take(StatusMessages.SuccessKey));
        Assert.Equal(["Lỗi một.", "Lỗi hai."], tempData.Take(StatusMessages.ErrorKey));
        tempData.Save();
        Assert.Empty(new TempDataDictionary(new DefaultHttpContext(), new MemoryTempDataProvider()).Take(StatusMessages.SuccessKey));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("/admin/users/{id}/edit", true)]
    [InlineData("Admin/Index", true)]
    [InlineData("administration", false)]
    [InlineData("news/admin", false)]
    [InlineData("", false)]
    public void AdminRoutes_AreTheRoutesUnderSlashAdmin(string template, bool isAdmin) =>
        Assert.Equal(isAdmin, AdminRoutes.IsAdminRoute(template));

    [Fact]
    public void Convention_RequiresTheAdminRight_AndStripsAllowAnonymous_ButLeavesSignInAndPublicRoutes()
    {
        var page = Build("admin/secret", new AllowAnonymousAttribute());
        Assert.True(AdminEndpointConventions.RequiresAdminAccess(page));

        var login = Build("admin/login", new AllowAnonymousAttribute());
        Assert.False(AdminEndpointConventions.RequiresAdminAccess(login));
        Assert.NotNull(login.Metadata.GetMetadata<IAllowAnonymous>());

        var news = Build("news/{id}");
        Assert.Empty(news.Metadata.GetOrderedMetadata<IAuthorizeData>());
    }

    [Fact]
    public void EveryStatusTheProductSends_HasAVietnamesePage()
    {
        foreach (var code in new[] { 400, 403, 404, 405, 413, 414, 429, 500, 503 })
        {
            var text = StatusPageText.For(code);
            Assert.Equal(code, text.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(text.Title));
        }

        Assert.Equal(StatusPageText.For(400).Title, StatusPageText.For(422).Title);
        Assert.Equal(StatusPageText.For(500).Title, StatusPageText.For(502).Title);
    }

    public static TheoryData<ValidationAttribute> Attributes => new()
    {
        new RequiredAttribute(), new StringLengthAttribute(10), new StringLengthAttribute(10) { MinimumLength = 2 },
        new MinLengthAttribute(2), new MaxLengthAttribute(5), new LengthAttribute(1, 5), new RangeAttribute(1, 9),
        new RegularExpressionAttribute("a+"), new EmailAddressAttribute(), new PhoneAttribute(), new UrlAttribute(),
        new CompareAttribute("Other"), new AllowedValuesAttribute("a"), new DeniedValuesAttribute("b"),
        new Base64StringAttribute(), new CreditCardAttribute(), new FileExtensionsAttribute(),
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void DataAnnotationsDefaults_AreVietnamese_AndFormatWithTheFieldName(ValidationAttribute attribute)
    {
        attribute.ErrorMessage = VietnameseValidation.MessageFor(attribute);
        var message = attribute.FormatErrorMessage("Tên đơn vị");
        Assert.Contains("Tên đơn vị", message, StringComparison.Ordinal);
        Assert.DoesNotContain("The ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("field", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelBindingMessages_AreVietnamese()
    {
        var messages = new DefaultModelBindingMessageProvider();
        VietnameseValidation.Apply(messages);
        var all = new[]
        {
            messages.MissingBindRequiredValueAccessor("Loại"), messages.MissingKeyOrValueAccessor(),
            messages.MissingRequestBodyRequiredValueAccessor(), messages.ValueMustNotBeNullAccessor(""),
            messages.AttemptedValueIsInvalidAccessor("x", "Loại"), messages.NonPropertyAttemptedValueIsInvalidAccessor("x"),
            messages.UnknownValueIsInvalidAccessor("Loại"), messages.NonPropertyUnknownValueIsInvalidAccessor(),
            messages.ValueIsInvalidAccessor("x"), messages.ValueMustBeANumberAccessor("Loại"), messages.NonPropertyValueMustBeANumberAccessor(),
        };
        Assert.All(all, m => Assert.DoesNotMatch("(?i)\\b(the|is|value|field|required|invalid)\\b", m));
    }

    private static RouteEndpoint Build(string template, params object[] metadata)
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(template), 0);
        foreach (var item in metadata)
        {
            builder.Metadata.Add(item);
        }

        AdminEndpointConventions.Apply(builder);
        return (RouteEndpoint)builder.Build();
    }

    private sealed class MemoryTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
