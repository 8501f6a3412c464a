package io.wxops.gateway.callback;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The first parser any callback body meets. It refuses DOCTYPE outright (which rules out
 * external entities and entity expansion), never touches the network or the file system,
 * and turns every failure into a {@link CallbackRejectedException} instead of a stack
 * trace on stderr. Only what passes here is handed to WxJava.
 */
final class SafeXml {

	private static final DocumentBuilderFactory FACTORY = newFactory();

	/**
	 * Parsers are not thread-safe but are costly to create; one per thread, reset after
	 * each use.
	 */
	private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

	private static final ErrorHandler SILENT = new ErrorHandler() {
		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) throws SAXException {
			throw ex;
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}
	};

	private SafeXml() {
	}

	static Element parseRoot(String xml) {
		if (xml == null || xml.isBlank()) {
			throw new CallbackRejectedException(Rejection.MALFORMED_XML, "The body is empty.");
		}
		DocumentBuilder builder = BUILDER.get();
		try {
			Document doc = builder.parse(new InputSource(new StringReader(xml)));
			Element root = doc.getDocumentElement();
			if (!"xml".equals(root.getNodeName())) {
				throw new CallbackRejectedException(Rejection.MALFORMED_XML, "The root element must be <xml>.");
			}
			return root;
		}
		catch (SAXException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("entity")) {
				throw new CallbackRejectedException(Rejection.FORBIDDEN_XML);
			}
			throw new CallbackRejectedException(Rejection.MALFORMED_XML);
		}
		catch (IOException ex) {
			throw new CallbackRejectedException(Rejection.MALFORMED_XML);
		}
		finally {
			builder.reset();
			builder.setErrorHandler(SILENT);
		}
	}

	/**
	 * Every child of the root as a map, in the shape WxJava's {@code getAllFieldsMap()}
	 * has: text for a leaf, a list for an element whose children share one name (WeChat's
	 * {@code <ResultList><item/>...}), a map otherwise, and a list where a name repeats.
	 * Built from the DOM already parsed, so a callback is not parsed a third time.
	 */
	static Map<String, Object> fields(Element root) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.ELEMENT_NODE) {
				put(map, n.getNodeName(), value((Element) n));
			}
		}
		return map;
	}

	private static Object value(Element element) {
		List<Element> children = new ArrayList<>();
		for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.ELEMENT_NODE) {
				children.add((Element) n);
			}
		}
		if (children.isEmpty()) {
			return element.getTextContent();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		if (children.size() > 1 && children.stream().map(Node::getNodeName).distinct().count() == 1) {
			map.put(children.get(0).getNodeName(), children.stream().map(SafeXml::value).toList());
			return map;
		}
		for (Element child : children) {
			put(map, child.getNodeName(), value(child));
		}
		return map;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> map, String name, Object value) {
		Object existing = map.get(name);
		if (existing == null) {
			map.put(name, value);
		}
		else if (existing instanceof RepeatedValues list) {
			list.add(value);
		}
		else {
			RepeatedValues list = new RepeatedValues();
			list.add(existing);
			list.add(value);
			map.put(name, list);
		}
	}

	/** Values of a name that repeats among siblings. */
	private static final class RepeatedValues extends ArrayList<Object> {

	}

	/** Text of a direct child element, or {@code null}. */
	static String childText(Element parent, String name) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
				return n.getTextContent();
			}
		}
		return null;
	}

	private static DocumentBuilderFactory newFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be hardened", ex);
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(SILENT);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
