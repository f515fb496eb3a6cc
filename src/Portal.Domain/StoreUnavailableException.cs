namespace Portal.Domain;

/// <summary>
/// The portal's store cannot keep what it is given (its database file was deleted while the portal ran, for one): the
/// operation saved nothing. Stores throw it instead of writing where nothing would last; the message says what happened
/// in words a user can read.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
