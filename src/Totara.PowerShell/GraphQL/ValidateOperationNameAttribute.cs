using System.Management.Automation;
using Totara.Client;

namespace Totara.PowerShell.GraphQL;

/// <summary>
/// Refuses, at binding, an operation name Totara would refuse: its request validation fails the
/// whole request for a name outside <c>^[a-z][a-z0-9_]+$</c>, and at response_debug NONE says
/// only "Internal server error".
/// </summary>
public sealed class ValidateOperationNameAttribute : ValidateArgumentsAttribute
{
    /// <summary>Throws for a string that is not a name Totara accepts (<see cref="GraphQLRequest.IsAcceptedOperationName"/>); anything else, including null, passes.</summary>
    /// <param name="arguments">The bound -OperationName value.</param>
    /// <param name="engineIntrinsics">The engine's intrinsics; not used.</param>
    /// <exception cref="ValidationMetadataException">The name is refused; the message says what a valid name looks like.</exception>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string name && !GraphQLRequest.IsAcceptedOperationName(name))
            throw new ValidationMetadataException(
                $"Totara refuses the operation name '{name}': use lower-case letters, digits and underscores, starting with a letter and at least two characters long (for example 'list_users'). Rename the operation in the document too.");
    }
}
