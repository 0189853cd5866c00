using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;

namespace Portal.Core.Web;

/// <summary>
/// Vietnamese messages for model binding ("abc" is not a number, an unknown enum value, an
/// empty value) and for DataAnnotations attributes that do not set their own message, including
/// the [Required] that MVC implies for non-nullable value types (enums) and reference types.
/// A message names the field by its <c>[Display(Name = ...)]</c>.
/// </summary>
public sealed class VietnameseValidation : IPostConfigureOptions<MvcOptions>, IValidationMetadataProvider
{
    public void PostConfigure(string? name, MvcOptions options)
    {
        Apply(options.ModelBindingMessageProvider);
        // Runs after DataAnnotations' own provider, so the [Required] it implies is already there.
        options.ModelMetadataDetailsProviders.Add(this);
    }

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung của yêu cầu.");
        messages.SetValueMustNotBeNullAccessor(_ => "Vui lòng nhập hoặc chọn một giá trị.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị '{value}' không hợp lệ cho {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của {field} không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị nhập vào không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var validators = context.ValidationMetadata.ValidatorMetadata;
        var type = context.Key.ModelType;
        if (context.Key.MetadataKind is ModelMetadataKind.Property or ModelMetadataKind.Parameter && type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && !validators.OfType<RequiredAttribute>().Any())
        {
            // MVC would imply an English [Required] for a non-nullable value type; imply ours.
            validators.Add(new RequiredAttribute());
        }

        foreach (var attribute in validators.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && attribute.ErrorMessageResourceType is null
                && MessageFor(attribute) is { } message)
            {
                attribute.ErrorMessage = message;
            }
        }
    }

    /// <summary>The Vietnamese default of an attribute; {0} is the field's display name.</summary>
    public static string? MessageFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Vui lòng nhập {0}.",
        StringLengthAttribute { MinimumLength: > 0 } => "{0} phải dài từ {2} đến {1} ký tự.",
        StringLengthAttribute => "{0} dài tối đa {1} ký tự.",
        MinLengthAttribute => "{0} phải có ít nhất {1} ký tự hoặc phần tử.",
        MaxLengthAttribute => "{0} có tối đa {1} ký tự hoặc phần tử.",
        LengthAttribute => "{0} phải có từ {1} đến {2} ký tự hoặc phần tử.",
        RangeAttribute => "{0} phải nằm trong khoảng từ {1} đến {2}.",
        RegularExpressionAttribute => "{0} không đúng định dạng.",
        EmailAddressAttribute => "{0} không phải là địa chỉ thư điện tử hợp lệ.",
        PhoneAttribute => "{0} không phải là số điện thoại hợp lệ.",
        UrlAttribute => "{0} không phải là địa chỉ web hợp lệ (http, https hoặc ftp).",
        CompareAttribute => "{0} và {1} không khớp.",
        AllowedValuesAttribute => "Giá trị của {0} không nằm trong danh sách cho phép.",
        DeniedValuesAttribute => "Giá trị của {0} không được phép.",
        Base64StringAttribute => "{0} không phải là chuỗi Base64 hợp lệ.",
        CreditCardAttribute => "{0} không phải là số thẻ hợp lệ.",
        FileExtensionsAttribute => "{0} chỉ nhận tệp có phần mở rộng: {1}.",
        _ => null,
    };
}
