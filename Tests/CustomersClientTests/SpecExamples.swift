// The request and response examples of specs/customers.yaml, converted from
// YAML to JSON verbatim (quirks included: `mobile` as a number in responses and
// a string in requests, `location: "null"`, `links: []`, group ids as strings in
// the Create request, a 200 response saying `"status": 201`, a numeric 404
// error code, Customer examples missing "required" fields, and extra keys).

enum SpecExamples {
    /// List-Customers: 200 response example "Example" (GET /customers).
    static let list200 = #"""
{
  "status": 200,
  "success": true,
  "data": [
    {
      "id": 2075683582,
      "first_name": "Ahmed",
      "last_name": "Ali",
      "mobile": 777777777,
      "mobile_code": "967",
      "email": "ahmedali@test.test",
      "urls": {
        "customer": "https://shtara.com/profile",
        "admin": "https://shtara.com/profiley"
      },
      "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
      "gender": "male",
      "city": "Riyadh",
      "country": "السعودية",
      "location": "Alaziziah Street, building number 5",
      "updated_at": {
        "date": "2020-04-02 22:43:26.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "groups": [
        11323141,
        11323142
      ]
    },
    {
      "id": 2075683581,
      "first_name": "Ali",
      "last_name": "Ahmed",
      "mobile": 777777777,
      "mobile_code": "967",
      "email": "aliahmed@test.test",
      "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
      "gender": "male",
      "city": "Riyadh",
      "country": "السعودية",
      "location": "null",
      "updated_at": {
        "date": "2020-04-02 22:43:26.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "groups": [
        11323141,
        11323142
      ]
    }
  ],
  "pagination": {
    "count": 2,
    "total": 2,
    "perPage": 15,
    "currentPage": 1,
    "totalPages": 1,
    "links": []
  }
}
"""#

    /// List-Customers: 200 response example "With Extra Keys" (GET /customers).
    static let list200WithExtraKeys = #"""
{
  "status": 200,
  "success": true,
  "data": [
    {
      "id": 234324533,
      "full_name": "Ali Ahmed",
      "first_name": "Ali",
      "last_name": "Ahmed",
      "mobile": 567000000,
      "mobile_code": "+966",
      "email": "email9@outlook.com",
      "urls": {
        "customer": "https://demostore.salla.sa/demo/profile",
        "admin": "https://s.salla.sa/customers/293847"
      },
      "avatar": "https://cdn.assets.salla.network/prod/admin/cp/assets/images/avatar_male.png",
      "gender": "male",
      "birthday": null,
      "city": "جدة",
      "country": "السعودية | Saudi Arabia",
      "country_code": "SA",
      "currency": "SAR",
      "location": "حي المحمدية - شارع عبدالعزيز اسماعيل",
      "lang": "ar",
      "created_at": {
        "date": "2025-07-24 12:23:42.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "updated_at": {
        "date": "2025-07-24 12:23:42.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "groups": [
        1113849985
      ],
      "block_reason": null,
      "is_blocked": false,
      "is_inactive": false,
      "is_notifications_enabled": true
    }
  ],
  "pagination": {
    "count": 2,
    "total": 2,
    "perPage": 15,
    "currentPage": 1,
    "totalPages": 1,
    "links": []
  }
}
"""#

    /// List-Customers: 401 response example (GET /customers).
    static let list401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read"
  }
}
"""#

    /// Create-Customer: request body example (POST /customers).
    static let createRequest = #"""
{
  "first_name": "Ahmed",
  "last_name": "Ali",
  "mobile": "777777777",
  "mobile_code_country": "+967",
  "gender": "female",
  "birthday": "1997-06-03",
  "email": "ahmedali@test.test",
  "groups": [
    "11323141",
    "11323142"
  ]
}
"""#

    /// Create-Customer: 200 response example (POST /customers).
    static let create200 = #"""
{
  "status": 200,
  "success": true,
  "data": {
    "id": 2075683582,
    "first_name": "Ahmed",
    "last_name": "Ali",
    "mobile": 777777777,
    "mobile_code": "967",
    "email": "ahmedali@test.test",
    "urls": {
      "customer": "https://shtara.com/profile",
      "admin": "https://shtara.com/profiley"
    },
    "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
    "gender": "male",
    "city": "Riyadh",
    "country": "السعودية",
    "location": "Alaziziiah street, building number 3",
    "updated_at": {
      "date": "2020-04-02 22:43:26.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "groups": [
      11323141,
      11323142
    ]
  }
}
"""#

    /// Create-Customer: 401 response example (POST /customers).
    static let create401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// Create-Customer: 422 response example (POST /customers).
    static let create422 = #"""
{
  "status": 422,
  "success": false,
  "error": {
    "code": "validation_failed",
    "message": "Validation is not successfull",
    "fields": {
      "{field-name}": [
        "The {field-label} field is required."
      ]
    }
  }
}
"""#

    /// Customer-Details: 200 response example "Example" (GET /customers/{customer}).
    static let retrieve200 = #"""
{
  "status": 200,
  "success": true,
  "data": {
    "id": 2075683582,
    "first_name": "Ahmed",
    "last_name": "Ali",
    "mobile": 777777777,
    "mobile_code": "967",
    "email": "ahmedali@test.test",
    "urls": {
      "customer": "https://shtara.com/profile",
      "admin": "https://shtara.com/profiley"
    },
    "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
    "gender": "male",
    "city": "Riyadh",
    "country": "السعودية",
    "country_code": "sa",
    "location": "Alnaseem Street, house number 1",
    "updated_at": {
      "date": "2020-04-02 22:43:26.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "groups": [
      11323141,
      11323142
    ]
  }
}
"""#

    /// Customer-Details: 200 response example "Example With Extra Keys" (GET /customers/{customer}).
    static let retrieve200WithExtraKeys = #"""
{
  "status": 200,
  "success": true,
  "data": {
    "id": 1188233194,
    "full_name": "Ali Ahmed",
    "first_name": "Ali",
    "last_name": "Ahmed",
    "mobile": 560000000,
    "mobile_code": "+966",
    "email": "ali@email.sa",
    "urls": {
      "customer": "https://demostore.salla.sa/demo/profile",
      "admin": "https://s.salla.sa/customers/243798"
    },
    "avatar": "https://cdn.assets.salla.network/prod/admin/cp/assets/images/avatar_male.png",
    "gender": "male",
    "birthday": {
      "date": "2001-02-02 00:00:00.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "city": "",
    "country": "السعودية",
    "country_code": "SA",
    "currency": "SAR",
    "location": "",
    "lang": "ar",
    "created_at": {
      "date": "2025-03-10 12:55:51.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "updated_at": {
      "date": "2025-03-17 12:18:35.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "stats": {
      "orders_count": 5,
      "orders_amount": 720.91
    },
    "is_orders_rated": false,
    "pending_rating_count": 3,
    "groups": [
      474034050,
      2134252254
    ],
    "abandoned_carts_items": null,
    "block_reason": null,
    "country_id": null,
    "current_store_customer": {
      "id": 295154194,
      "approval_status": 1,
      "reason": null,
      "created_at": {
        "date": "2025-03-10 12:55:51.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "updated_at": {
        "date": "2025-07-24 12:22:46.000000",
        "timezone_type": 3,
        "timezone": "Asia/Riyadh"
      },
      "last_login_date": null
    },
    "custom_fields": [],
    "is_blocked": false,
    "is_inactive": false,
    "is_notifications_enabled": true,
    "latest_purchase": {
      "date": "2025-07-21 11:30:40.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "orders_average": 144.18,
    "orders_cancel": 4,
    "orders_cancel_ratio": 3,
    "orders_complete_ratio": 88,
    "total_points": 21,
    "wallet_balance": 0
  }
}
"""#

    /// Customer-Details: 401 response example (GET /customers/{customer}).
    static let retrieve401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read"
  }
}
"""#

    /// Customer-Details: 404 response example (GET /customers/{customer}).
    static let retrieve404 = #"""
{
  "success": false,
  "status": 404,
  "error": {
    "code": 404,
    "message": "The content you are trying to access is no longer available"
  }
}
"""#

    /// Update-Customer: request body example (PUT /customers/{customer}).
    static let updateRequest = #"""
{
  "first_name": "Ahmed",
  "last_name": "Ali",
  "email": "ahmed.ali@test.test",
  "gender": "female",
  "birthday": "1997-06-03"
}
"""#

    /// Update-Customer: 200 response example (PUT /customers/{customer}).
    static let update200 = #"""
{
  "status": 200,
  "success": true,
  "data": {
    "id": 2075683582,
    "first_name": "Ahmed",
    "last_name": "Ali",
    "mobile": 560716138,
    "mobile_code": "999",
    "email": "ahmed.ali@test.test",
    "urls": {
      "customer": "https://shtara.com/profile",
      "admin": "https://shtara.com/profiley"
    },
    "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp",
    "gender": "male",
    "city": "Riyadh",
    "country": "السعودية",
    "location": "Alyasmeen st, house no 4",
    "updated_at": {
      "date": "2020-04-02 22:43:26.000000",
      "timezone_type": 3,
      "timezone": "Asia/Riyadh"
    },
    "groups": [
      11323141,
      11323142
    ]
  }
}
"""#

    /// Update-Customer: 401 response example (PUT /customers/{customer}).
    static let update401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// Update-Customer: 404 response example (PUT /customers/{customer}).
    static let update404 = #"""
{
  "success": false,
  "status": 404,
  "error": {
    "code": 404,
    "message": "The content you are trying to access is no longer available"
  }
}
"""#

    /// Update-Customer: 422 response example (PUT /customers/{customer}).
    static let update422 = #"""
{
  "status": 422,
  "success": false,
  "error": {
    "code": "validation_failed",
    "message": "Validation is not successful ",
    "fields": {
      "{field-name}": [
        "The {field-label} field is required."
      ]
    }
  }
}
"""#

    /// Delete-Customer: 200 response example (DELETE /customers/{customer}).
    static let delete200 = #"""
{
  "status": 200,
  "success": true,
  "data": [
    "تم حذف Customer بنجاح"
  ]
}
"""#

    /// Delete-Customer: 401 response example (DELETE /customers/{customer}).
    static let delete401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// Delete-Customer: 404 response example (DELETE /customers/{customer}).
    static let delete404 = #"""
{
  "success": false,
  "status": 404,
  "error": {
    "code": 404,
    "message": "The content you are trying to access is no longer available"
  }
}
"""#

    /// Ban-Customer: request body example (PUT /customers/blacklist/{customer}).
    static let banRequest = #"""
{
  "reason": "untrusted customer"
}
"""#

    /// Ban-Customer: 200 response example (PUT /customers/blacklist/{customer}).
    static let ban200 = #"""
{
  "status": 201,
  "success": true,
  "data": {
    "message": "The Blacklist has been updated successfully",
    "code": 201
  }
}
"""#

    /// Ban-Customer: 401 response example (PUT /customers/blacklist/{customer}).
    static let ban401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// Ban-Customer: 404 response example (PUT /customers/blacklist/{customer}).
    static let ban404 = #"""
{
  "success": false,
  "status": 404,
  "error": {
    "code": 404,
    "message": "The content you are trying to access is no longer available"
  }
}
"""#

    /// Ban-Customer: 422 response example (PUT /customers/blacklist/{customer}).
    static let ban422 = #"""
{
  "status": 422,
  "success": false,
  "error": {
    "code": "validation_failed",
    "message": "Validation failed",
    "fields": {
      "{field-name}": [
        "The {field-label} field is required."
      ]
    }
  }
}
"""#

    /// Un-ban-Customer: 202 response example (DELETE /customers/blacklist/{customer}).
    static let unban202 = #"""
{
  "status": 202,
  "success": true,
  "data": {
    "message": "The customer in the blacklist has been removed successfully",
    "code": 202
  }
}
"""#

    /// Un-ban-Customer: 401 response example (DELETE /customers/blacklist/{customer}).
    static let unban401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// Un-ban-Customer: 404 response example (DELETE /customers/blacklist/{customer}).
    static let unban404 = #"""
{
  "success": false,
  "status": 404,
  "error": {
    "code": 404,
    "message": "The content you are trying to access is no longer available"
  }
}
"""#

    /// post-customers-import: 200 response example (POST /customers/import).
    static let import200 = #"""
{
  "status": 200,
  "success": true,
  "data": {
    "message": "يتم حالياً معالجة الملف وسوف يستغرق بعض الوقت",
    "code": 200
  }
}
"""#

    /// post-customers-import: 401 response example (POST /customers/import).
    static let import401 = #"""
{
  "status": 401,
  "success": false,
  "error": {
    "code": "Unauthorized",
    "message": "The access token should have access to one of those scopes: customers.read_write"
  }
}
"""#

    /// post-customers-import: 422 response example (POST /customers/import).
    static let import422 = #"""
{
  "status": 422,
  "success": false,
  "error": {
    "code": "error",
    "message": "الملف المرفوع فارغ!"
  }
}
"""#
}
