public enum SecurityAuditVersion { public static let current = "0.1.0" }
