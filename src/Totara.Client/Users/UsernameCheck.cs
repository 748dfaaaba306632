namespace Totara.Client.Users;

/// <summary>Whether a batch of creates first asks which of its usernames the site already has.</summary>
public enum UsernameCheck
{
    /// <summary>One batched read before the creates (5 points a username): a create the site would refuse is not sent.</summary>
    BeforeCreates,

    /// <summary>Send the creates as they are: for a caller that has just read every site user.</summary>
    None,
}
