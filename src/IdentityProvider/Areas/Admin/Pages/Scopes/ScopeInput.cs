using System.ComponentModel.DataAnnotations;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>The scope form of the create and edit pages.</summary>
public sealed class ScopeInput
{
    [Display(Name = "Scopes.Field.Name")]
    public string? Name { get; set; }

    [Display(Name = "Common.DisplayName")]
    public string? DisplayName { get; set; }

    [Display(Name = "Scopes.Field.Description")]
    public string? Description { get; set; }
}
