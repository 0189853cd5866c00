using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Portal.Core.Web;

namespace Portal.Core.Settings;

/// <summary>Checks a section's DataAnnotations (and <see cref="IValidatableObject"/>) with the portal's Vietnamese messages.</summary>
public static class SettingsValidation
{
    public static IReadOnlyList<SettingsError> Validate(object section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<SettingsError>();
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var context = new ValidationContext(section) { MemberName = property.Name, DisplayName = DisplayNameOf(property) };
            var value = property.GetValue(section);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null && VietnameseValidation.MessageFor(attribute) is { } message)
                {
                    attribute.ErrorMessage = message;
                }

                if (attribute.GetValidationResult(value, context) is { ErrorMessage: { } error })
                {
                    errors.Add(new SettingsError(property.Name, error));
                }
            }
        }

        if (errors.Count == 0 && section is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(section)))
            {
                errors.Add(new SettingsError(result.MemberNames.FirstOrDefault() ?? "", result.ErrorMessage ?? "Giá trị không hợp lệ."));
            }
        }

        return errors;
    }

    public static string DisplayNameOf(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
}
