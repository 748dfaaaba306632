namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// The site's course categories and courses, indexed by id, idnumber and shortname. Course
/// ids start at 2 because id 1 is the front page "site course", which the API never lists.
/// Thread-safe through one lock; records handed out are treated as read-only by callers.
/// </summary>
public sealed class CourseStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, CategoryRecord> _categories = new();
    private readonly Dictionary<long, CourseRecord> _courses = new();
    private long _nextCategoryId = 1;
    private long _nextCourseId = 2;
    private long _nextSectionId = 1;
    private long _nextModuleId = 1;

    public CourseStore()
    {
        // Every Totara site has the "Miscellaneous" category (id 1).
        AddCategory("Miscellaneous", null, null, 0);
    }

    public CategoryRecord AddCategory(string name, string? idNumber, string? description, long parentId, long timeModified = 0)
    {
        lock (_gate)
        {
            if (parentId != 0 && !_categories.ContainsKey(parentId))
            {
                throw new ArgumentException($"Category {parentId} does not exist.", nameof(parentId));
            }

            var category = new CategoryRecord
            {
                Id = _nextCategoryId++,
                Name = name,
                IdNumber = idNumber,
                Description = description,
                ParentId = parentId,
                TimeModified = timeModified,
            };
            _categories.Add(category.Id, category);
            return category;
        }
    }

    /// <summary>Adds a course; the category must exist and shortname must be unique (as Totara requires).</summary>
    public CourseRecord AddCourse(Action<CourseRecord> init)
    {
        lock (_gate)
        {
            var course = new CourseRecord { Id = _nextCourseId++ };
            init(course);
            if (!_categories.ContainsKey(course.CategoryId))
            {
                throw new ArgumentException($"Course '{course.ShortName}': category {course.CategoryId} does not exist.");
            }

            if (_courses.Values.Any(c => string.Equals(c.ShortName, course.ShortName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Course shortname '{course.ShortName}' is already in use.");
            }

            _courses.Add(course.Id, course);
            return course;
        }
    }

    /// <summary>Adds a section with the given activities to a course, allocating their ids.</summary>
    public void AddSection(CourseRecord course, string title, string? summary, IEnumerable<(string ModType, string Name)> modules)
    {
        lock (_gate)
        {
            var list = modules.Select(m => new CourseModule(_nextModuleId, _nextModuleId++, m.ModType, m.Name, true)).ToList();
            course.Sections.Add(new CourseSection(_nextSectionId++, title, summary, list));
        }
    }

    public CourseRecord? GetCourse(long id)
    {
        lock (_gate)
        {
            return _courses.GetValueOrDefault(id);
        }
    }

    public CategoryRecord? GetCategory(long id)
    {
        lock (_gate)
        {
            return _categories.GetValueOrDefault(id);
        }
    }

    /// <summary>Courses matching every given key (AND), as Totara's reference lookup does.</summary>
    public List<CourseRecord> FindCourses(long? id, string? idNumber, string? shortName)
    {
        lock (_gate)
        {
            IEnumerable<CourseRecord> query = id is { } wanted
                ? (_courses.TryGetValue(wanted, out var hit) ? new[] { hit } : Array.Empty<CourseRecord>())
                : _courses.Values;
            if (idNumber is not null)
            {
                query = query.Where(c => string.Equals(c.IdNumber, idNumber, StringComparison.OrdinalIgnoreCase));
            }

            if (shortName is not null)
            {
                query = query.Where(c => string.Equals(c.ShortName, shortName, StringComparison.OrdinalIgnoreCase));
            }

            return query.ToList();
        }
    }

    public List<CourseRecord> SnapshotCourses()
    {
        lock (_gate)
        {
            return _courses.Values.OrderBy(c => c.Id).ToList();
        }
    }

    public List<CategoryRecord> Children(long categoryId)
    {
        lock (_gate)
        {
            return _categories.Values.Where(c => c.ParentId == categoryId && c.Id != categoryId).OrderBy(c => c.Id).ToList();
        }
    }

    public List<CourseRecord> CoursesIn(long categoryId)
    {
        lock (_gate)
        {
            return _courses.Values.Where(c => c.CategoryId == categoryId).OrderBy(c => c.Id).ToList();
        }
    }

    public List<CategoryRecord> SnapshotCategories()
    {
        lock (_gate)
        {
            return _categories.Values.OrderBy(c => c.Id).ToList();
        }
    }

    /// <summary>The chain from the top-level category down to this one.</summary>
    public List<CategoryRecord> PathTo(long categoryId)
    {
        lock (_gate)
        {
            var path = new List<CategoryRecord>();
            var seen = new HashSet<long>();
            for (var current = _categories.GetValueOrDefault(categoryId); current is not null && seen.Add(current.Id);
                 current = _categories.GetValueOrDefault(current.ParentId))
            {
                path.Insert(0, current);
            }

            return path;
        }
    }

    public int CourseCount
    {
        get
        {
            lock (_gate)
            {
                return _courses.Count;
            }
        }
    }
}
