#include "core/schema/SchemaAttrs.h"

#include <QJsonDocument>

#include <functional>
#include <mutex>

namespace {

// A lock per object would double the size of a model; one lock for all would make the two threads
// of a comparison wait on each other. Objects share one of these by address.
std::mutex &lockOf(const void *attrs)
{
    static std::mutex locks[64];
    return locks[std::hash<const void *>()(attrs) / alignof(std::max_align_t) % 64];
}

}  // namespace

SchemaAttrs::SchemaAttrs(QJsonObject object) : m_object(std::move(object)) {}

SchemaAttrs::SchemaAttrs(const SchemaAttrs &other) { *this = other; }

SchemaAttrs &SchemaAttrs::operator=(const SchemaAttrs &other)
{
    if (this == &other)
        return *this;
    QByteArray json;
    QJsonObject object;
    bool parsed = other.m_parsed.load(std::memory_order_acquire);
    if (parsed) {
        object = other.m_object;
    } else {
        std::lock_guard<std::mutex> guard(lockOf(&other));
        parsed = other.m_parsed.load(std::memory_order_relaxed);
        json = other.m_json;
        object = other.m_object;
    }
    std::lock_guard<std::mutex> guard(lockOf(this));
    m_json = std::move(json);
    m_object = std::move(object);
    m_parsed.store(parsed, std::memory_order_release);
    return *this;
}

SchemaAttrs::SchemaAttrs(SchemaAttrs &&other) noexcept { *this = std::move(other); }

SchemaAttrs &SchemaAttrs::operator=(SchemaAttrs &&other) noexcept
{
    m_json = std::move(other.m_json);
    m_object = std::move(other.m_object);
    m_parsed.store(other.m_parsed.load(std::memory_order_relaxed), std::memory_order_relaxed);
    return *this;
}

SchemaAttrs SchemaAttrs::fromJson(QByteArray json)
{
    SchemaAttrs attrs;
    attrs.m_json = std::move(json);
    attrs.m_parsed.store(false, std::memory_order_relaxed);
    return attrs;
}

const QJsonObject &SchemaAttrs::object() const
{
    if (!m_parsed.load(std::memory_order_acquire)) {
        std::lock_guard<std::mutex> guard(lockOf(this));
        if (!m_parsed.load(std::memory_order_relaxed)) {
            m_object = QJsonDocument::fromJson(m_json).object();
            m_json.clear();
            m_parsed.store(true, std::memory_order_release);
        }
    }
    return m_object;
}

QByteArray SchemaAttrs::json() const
{
    if (!m_parsed.load(std::memory_order_acquire)) {
        std::lock_guard<std::mutex> guard(lockOf(this));
        if (!m_parsed.load(std::memory_order_relaxed))
            return m_json;
    }
    return QJsonDocument(m_object).toJson(QJsonDocument::Compact);
}
