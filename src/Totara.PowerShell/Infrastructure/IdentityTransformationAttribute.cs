using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// The one rule behind every -Identity, -Cohort and -Course transformation: a PSObject is
/// unwrapped, a list becomes a typed array of identities, anything else one identity, and an
/// input that names nothing is a binding error with the area's own message.
/// </summary>
/// <remarks>Not generic: generic attribute types do not load in Windows PowerShell 5.1 (.NET Framework).</remarks>
public abstract class IdentityTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>One identity from one input; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    protected abstract object From(object? item);

    /// <summary>The identities as the typed array the parameter binds.</summary>
    protected abstract Array ToArray(List<object> identities);

    /// <summary>
    /// Turns the bound value into the parameter's identity type: one identity, or a typed array for a
    /// list (a string or a hashtable counts as one value). A value that names nothing becomes an
    /// <see cref="ArgumentTransformationMetadataException"/> carrying the area's message, so PowerShell
    /// reports it as a binding error on the parameter.
    /// </summary>
    /// <param name="engineIntrinsics">The engine's intrinsics; not used.</param>
    /// <param name="inputData">The value given to the parameter, possibly wrapped in a PSObject.</param>
    public sealed override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        try
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is IEnumerable list && value is not string && value is not IDictionary)
            {
                var identities = new List<object>();
                foreach (var item in list) identities.Add(From(item));
                return ToArray(identities);
            }
            return From(inputData);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
