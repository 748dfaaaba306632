namespace Totara.Emulator.Domain.Courses;

/// <summary>One course of the demo catalogue.</summary>
public sealed record DemoCourse(string Category, string ShortName, string FullName, string Summary, string[] Tags, bool Mandatory = false, string Enrol = "manual");

/// <summary>
/// The demo site's learning catalogue: the categories and ~25 courses a mid-sized organisation
/// on Totara typically runs. Plain data; <see cref="DemoData"/> turns it into records.
/// </summary>
public static class DemoCourseCatalog
{
    /// <summary>Categories as (name, idnumber, parent name or null), parents first.</summary>
    public static readonly IReadOnlyList<(string Name, string IdNumber, string? Parent)> Categories = new (string, string, string?)[]
    {
        ("Onboarding", "CAT-ONB", null),
        ("Compliance", "CAT-CMP", null),
        ("Health and Safety", "CAT-CMP-HS", "Compliance"),
        ("Leadership and Management", "CAT-LDR", null),
        ("Professional Skills", "CAT-PRO", null),
        ("Digital Skills", "CAT-PRO-DIG", "Professional Skills"),
        ("Customer Service", "CAT-CUS", null),
        ("Clinical Practice", "CAT-CLN", null),
    };

    public static readonly IReadOnlyList<DemoCourse> Courses = new DemoCourse[]
    {
        new("Onboarding", "INDUCT", "Induction", "<p>Welcome to the organisation: who we are, how we work and where to find help.</p>", new[] { "onboarding", "mandatory" }, true),
        new("Onboarding", "VALUES", "Our Values in Practice", "<p>The five values that guide our decisions, with real examples from colleagues.</p>", new[] { "onboarding" }),
        new("Onboarding", "ITBASICS", "IT Systems Basics", "<p>Logging in, email, the intranet, and keeping your password safe.</p>", new[] { "onboarding", "digital" }),
        new("Health and Safety", "HS101", "Health & Safety", "<p>Your duties under health and safety law, reporting hazards and near misses.</p>", new[] { "compliance", "mandatory" }, true),
        new("Health and Safety", "FIRE", "Fire Safety Awareness", "<p>Preventing fires, raising the alarm and evacuating safely.</p>", new[] { "compliance", "mandatory" }, true),
        new("Health and Safety", "MANHAND", "Manual Handling", "<p>Assessing loads and lifting safely to avoid injury.</p>", new[] { "compliance" }),
        new("Health and Safety", "DSE", "Display Screen Equipment", "<p>Setting up your workstation and taking breaks from the screen.</p>", new[] { "compliance" }),
        new("Compliance", "GDPR", "Data Protection and GDPR", "<p>Handling personal data lawfully, subject access requests and breaches.</p>", new[] { "compliance", "mandatory" }, true),
        new("Compliance", "INFOSEC", "Information Security Essentials", "<p>Phishing, safe browsing, and protecting company information.</p>", new[] { "compliance", "digital" }, true),
        new("Compliance", "ABC", "Anti-Bribery and Corruption", "<p>Recognising bribery risks, gifts and hospitality, and how to report concerns.</p>", new[] { "compliance" }),
        new("Compliance", "EDI", "Equality, Diversity and Inclusion", "<p>Building an inclusive workplace and understanding unconscious bias.</p>", new[] { "compliance", "mandatory" }, true),
        new("Compliance", "MODSLAV", "Modern Slavery Awareness", "<p>Spotting the signs of modern slavery in our supply chain.</p>", new[] { "compliance" }),
        new("Leadership and Management", "MGR101", "First-Time Manager", "<p>The shift from doing to leading: delegation, feedback and one-to-ones.</p>", new[] { "leadership" }),
        new("Leadership and Management", "COACH", "Coaching Skills for Managers", "<p>The GROW model and powerful questions for everyday coaching.</p>", new[] { "leadership" }),
        new("Leadership and Management", "PERFCONV", "Performance Conversations", "<p>Setting goals, reviewing progress and having difficult conversations.</p>", new[] { "leadership", "performance" }),
        new("Leadership and Management", "CHANGE", "Leading Change", "<p>Helping teams through organisational change. Enrolment is through the Leadership programme.</p>", new[] { "leadership" }, Enrol: "totara_program"),
        new("Professional Skills", "PRESENT", "Effective Presentations", "<p>Structuring a message and presenting with confidence.</p>", new[] { "skills" }),
        new("Professional Skills", "WRITING", "Business Writing", "<p>Clear, concise writing for email, reports and proposals.</p>", new[] { "skills" }),
        new("Professional Skills", "TIMEMGT", "Time Management", "<p>Prioritising work and protecting time for what matters.</p>", new[] { "skills" }),
        new("Digital Skills", "EXCEL1", "Excel Essentials", "<p>Formulas, tables and charts for everyday analysis.</p>", new[] { "digital", "skills" }),
        new("Digital Skills", "TEAMS", "Working with Microsoft Teams", "<p>Channels, meetings and files for hybrid teams.</p>", new[] { "digital" }),
        new("Customer Service", "CSX", "Customer Service Excellence", "<p>Understanding customer needs and exceeding expectations.</p>", new[] { "customer" }),
        new("Customer Service", "COMPLAIN", "Complaint Handling", "<p>Resolving complaints fairly and learning from them.</p>", new[] { "customer" }),
        new("Clinical Practice", "INFCTRL", "Infection Prevention and Control", "<p>Hand hygiene, PPE and preventing the spread of infection.</p>", new[] { "clinical", "mandatory" }, true),
        new("Clinical Practice", "SAFEGUARD", "Safeguarding Adults", "<p>Recognising abuse and neglect and knowing how to act.</p>", new[] { "clinical", "mandatory" }, true),
        new("Clinical Practice", "BLS", "Basic Life Support", "<p>CPR and the use of an automated external defibrillator.</p>", new[] { "clinical" }),
    };

    /// <summary>Activities a demo course is built from, as (module type, name pattern).</summary>
    public static readonly IReadOnlyList<(string ModType, string Name)> ActivityKinds = new[]
    {
        ("scorm", "{0} e-learning"),
        ("quiz", "{0} knowledge check"),
        ("page", "About {0}"),
        ("facetoface", "{0} workshop"),
        ("assign", "{0} reflection"),
        ("certificate", "{0} certificate"),
    };

    public static readonly IReadOnlyList<string> GoalNames = new[]
    {
        "Complete all mandatory compliance training", "Lead a team meeting every month", "Improve customer satisfaction score",
        "Present at the quarterly all-hands", "Mentor a new starter", "Reduce report turnaround time", "Gain Excel advanced certification",
        "Deliver the process improvement project", "Shadow a colleague in another department", "Complete first-aid refresher",
        "Publish two knowledge-base articles", "Run a lunch-and-learn session",
    };
}
