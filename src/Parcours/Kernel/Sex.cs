namespace Parcours.Kernel;

/// <summary>Sex as recorded for the contract's equality indicators (women / men).</summary>
public enum Sex
{
    F,
    M,
}
